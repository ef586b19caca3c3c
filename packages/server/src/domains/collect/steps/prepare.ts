import { randomUUID } from 'node:crypto';
import type { SegmentMessage } from '@cairn/protocol';
import type { PreparedMessage } from '../prepared-message.js';
import { deriveChannel } from './channel.js';
import { type IpMode, pseudonymiseIp } from './pseudonymise-ip.js';
import { correctedTimestamp } from './timestamps.js';
import { parseUserAgent } from './user-agent.js';

export interface RequestFacts {
  workspaceId: string;
  receivedAt: Date;
  /** The connecting client's address, used when the message carries no context.ip. */
  requestIp: string | null;
  requestUserAgent: string | null;
  batchSentAt: string | undefined;
  /** Context sent once for the whole batch (Segment allows it); message context wins. */
  batchContext: Record<string, unknown> | undefined;
  ipMode: IpMode;
}

type Bag = Record<string, unknown>;
const bag = (value: unknown): Bag =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Bag) : {};
const text = (value: unknown, max = 2048): string | null =>
  typeof value === 'string' && value !== '' ? value.slice(0, max) : null;

/** Parsed once per message: URL parsing is one of the costlier steps on the ingestion hot path. */
function parseUrl(url: string | null): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Normalise and enrich: one shape for every message type, with channel, pseudonymised IP, device and UTM. */
export function prepareMessage(message: SegmentMessage, facts: RequestFacts): PreparedMessage {
  const context = { ...bag(facts.batchContext), ...bag(message.context) };
  const properties = 'properties' in message ? bag(message.properties) : {};
  const traits = 'traits' in message && message.traits ? bag(message.traits) : bag(context.traits);
  const page = bag(context.page);
  const campaign = bag(context.campaign);
  const event =
    message.type === 'track'
      ? message.event
      : message.type === 'page' || message.type === 'screen'
        ? text(message.name)
        : null;
  const url = text(page.url) ?? text(properties.url);
  const parsedUrl = parseUrl(url);
  const utm = (name: string) => text(parsedUrl?.searchParams.get(name));
  const ip = pseudonymiseIp(text(context.ip, 64) ?? facts.requestIp, facts.ipMode);
  if ('ip' in context) context.ip = ip;
  const userAgentString = text(context.userAgent, 1024) ?? facts.requestUserAgent;

  return {
    workspaceId: facts.workspaceId,
    messageId: message.messageId ?? randomUUID(),
    type: message.type,
    event,
    anonymousId: text(message.anonymousId, 256),
    userId: text(message.userId, 256),
    previousId: message.type === 'alias' ? message.previousId : null,
    groupId: message.type === 'group' ? message.groupId : text(context.groupId, 256),
    channel: deriveChannel({
      type: message.type,
      event,
      context,
      properties,
      segmentChannel: message.channel,
    }),
    timestamp: correctedTimestamp(message, facts.batchSentAt, facts.receivedAt),
    originalTimestamp: message.originalTimestamp ? new Date(message.originalTimestamp).toISOString() : null,
    sentAt:
      (message.sentAt ?? facts.batchSentAt)
        ? new Date(message.sentAt ?? facts.batchSentAt ?? '').toISOString()
        : null,
    receivedAt: facts.receivedAt.toISOString(),
    properties,
    traits,
    context,
    ip,
    userAgent: parseUserAgent(userAgentString),
    page: {
      url,
      path: text(page.path) ?? text(properties.path) ?? parsedUrl?.pathname ?? null,
      referrer: text(page.referrer) ?? text(properties.referrer),
      title: text(page.title) ?? text(properties.title),
    },
    campaign: {
      source: text(campaign.source, 256) ?? utm('utm_source'),
      medium: text(campaign.medium, 256) ?? utm('utm_medium'),
      name: text(campaign.name, 256) ?? utm('utm_campaign'),
    },
  };
}
