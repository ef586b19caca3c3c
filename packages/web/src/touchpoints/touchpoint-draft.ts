import { ApiError } from '../api/http-client';
import type { Touchpoint, TouchpointInput, TouchpointRule } from './touchpoints-api';

/**
 * What the touchpoint form edits: plain strings, so half-typed input never breaks the page. inputOf turns it into
 * the API's body; the server validates (at least one of event or page path per rule) and names the field it
 * refuses, which the form shows next to that field.
 */
export interface RuleDraft {
  event: string;
  urlPattern: string;
  /** One `name=value` per line. */
  properties: string;
}

export interface TouchpointDraft {
  name: string;
  channel: string;
  stage: string;
  ownerTeam: string;
  description: string;
  rules: RuleDraft[];
}

/** The channels of @cairn/protocol (packages/protocol/src/channels.ts); the server rejects anything else. */
export const touchpointChannels = [
  'web',
  'app',
  'email',
  'sms',
  'chat',
  'social',
  'store',
  'phone',
  'other',
] as const;

export const emptyRule = (): RuleDraft => ({ event: '', urlPattern: '', properties: '' });

export function draftOf(touchpoint: Touchpoint | null): TouchpointDraft {
  if (!touchpoint) {
    return { name: '', channel: 'web', stage: '', ownerTeam: '', description: '', rules: [emptyRule()] };
  }
  return {
    name: touchpoint.name,
    channel: touchpoint.channel,
    stage: touchpoint.stage ?? '',
    ownerTeam: touchpoint.ownerTeam ?? '',
    description: touchpoint.description,
    rules: touchpoint.rules.map((rule) => ({
      event: rule.event ?? '',
      urlPattern: rule.urlPattern ?? '',
      properties: (rule.properties ?? []).map((p) => `${p.name}=${p.value}`).join('\n'),
    })),
  };
}

/** `plan=pro` lines; the first `=` splits, so values may contain `=`. Lines without one keep an empty value. */
export function parseProperties(text: string): { name: string; value: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.indexOf('=');
      return at < 0
        ? { name: line, value: '' }
        : { name: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
    });
}

function ruleOf(draft: RuleDraft): TouchpointRule {
  const rule: TouchpointRule = {};
  if (draft.event.trim() !== '') rule.event = draft.event.trim();
  if (draft.urlPattern.trim() !== '') rule.urlPattern = draft.urlPattern.trim();
  const properties = parseProperties(draft.properties);
  if (properties.length > 0) rule.properties = properties;
  return rule;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function inputOf(draft: TouchpointDraft): TouchpointInput {
  return {
    name: draft.name.trim(),
    channel: draft.channel,
    stage: orNull(draft.stage),
    ownerTeam: orNull(draft.ownerTeam),
    description: draft.description.trim(),
    rules: draft.rules.map(ruleOf),
  };
}

function isIssue(value: unknown): value is { field: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { field?: unknown }).field === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/**
 * The server's validation issues by field, without the `body.` prefix: `name`, `rules.0`, `rules.0.event`.
 * Anything else (a network error) gives an empty map and is shown as a general alert instead.
 */
export function issuesByField(error: unknown): Map<string, string> {
  const issues = new Map<string, string>();
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return issues;
  for (const issue of error.details) {
    if (isIssue(issue)) issues.set(issue.field.replace(/^body\./, ''), issue.message);
  }
  return issues;
}
