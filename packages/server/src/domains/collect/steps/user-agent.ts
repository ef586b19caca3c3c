import { UAParser } from 'ua-parser-js';

export interface ParsedUserAgent {
  browser: string | null;
  os: string | null;
  device: string | null;
}

const empty: ParsedUserAgent = { browser: null, os: null, device: null };
const cacheLimit = 10_000;
const cache = new Map<string, ParsedUserAgent>();

/**
 * Parses a User-Agent with ua-parser-js. Real traffic repeats a few hundred user agents, so results are cached;
 * the cache is simply emptied when full, which keeps memory bounded without bookkeeping.
 */
export function parseUserAgent(userAgent: unknown): ParsedUserAgent {
  if (typeof userAgent !== 'string' || userAgent === '') return empty;
  const hit = cache.get(userAgent);
  if (hit) return hit;
  const result = new UAParser(userAgent.slice(0, 1024)).getResult();
  const parsed: ParsedUserAgent = {
    browser: result.browser.name ?? null,
    os: result.os.name ?? null,
    // ua-parser-js leaves the type empty for desktops.
    device: result.device.type ?? (result.os.name ? 'desktop' : null),
  };
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(userAgent, parsed);
  return parsed;
}
