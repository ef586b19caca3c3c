import type { TouchpointRule } from '../../store/analytics-port.js';
import type { TouchpointMapping } from '../../store/duckdb/analytics/touchpoint-mapping.js';

/** What a touchpoint rule can look at: the event name, the page path and the event's properties. */
export interface MatchableEvent {
  event?: string | null | undefined;
  pagePath?: string | null | undefined;
  properties?: Record<string, unknown> | null | undefined;
}

const globs = new Map<string, RegExp>();

/** The same glob as the SQL mapping (touchpoint-mapping.ts): `*` matches any run of characters, case-sensitive. */
function globMatches(pattern: string, text: string): boolean {
  let re = globs.get(pattern);
  if (!re) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
    re = new RegExp(`^${body}$`);
    if (globs.size > 10_000) globs.clear();
    globs.set(pattern, re);
  }
  return re.test(text);
}

/** Property values are compared as text, as json_extract_string does in the SQL mapping. */
function propertyText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ruleMatches(rule: TouchpointRule, e: MatchableEvent): boolean {
  if (rule.event === undefined && rule.urlPattern === undefined && !rule.properties?.length) return false;
  if (rule.event !== undefined && e.event !== rule.event) return false;
  if (rule.urlPattern !== undefined && !(e.pagePath != null && globMatches(rule.urlPattern, e.pagePath)))
    return false;
  return (rule.properties ?? []).every((p) => propertyText(e.properties?.[p.name]) === p.value);
}

/**
 * The touchpoint of one event outside SQL (survey triggers, response context): the first touchpoint in registry
 * order with a matching rule, exactly as touchpointCaseSql decides at query time, so a survey shown "at" a
 * touchpoint and the analyses agree on where it was. match.test.ts runs both on the same events.
 */
export function matchTouchpoint<T extends TouchpointMapping>(touchpoints: T[], e: MatchableEvent): T | null {
  return touchpoints.find((t) => t.rules.some((rule) => ruleMatches(rule, e))) ?? null;
}

/** The path of a page URL (rules match paths), or null when it is not a URL. */
export function pathOfUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return url.startsWith('/') ? (url.split(/[?#]/)[0] ?? null) : null;
  }
}
