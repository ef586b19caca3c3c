import type { ConsentMode, InitOptions } from '../public-api.js';

export interface ResolvedOptions {
  writeKey: string;
  /** Origin without a trailing slash. */
  host: string;
  consent: ConsentMode;
  flushAt: number;
  flushIntervalMs: number;
  webVitals: boolean;
  surveys: boolean;
}

export const defaultFlushAt = 20;
export const defaultFlushIntervalMs = 5000;

const consentModes: readonly ConsentMode[] = ['required', 'granted', 'auto'];

/** Validates `init` options; returns an error text instead of throwing, since callers are host pages. */
export function resolveOptions(options: InitOptions | undefined): ResolvedOptions | string {
  if (typeof options !== 'object' || options === null) return 'init needs an options object';
  const { writeKey, host } = options;
  if (typeof writeKey !== 'string' || writeKey.trim() === '') return 'init needs a writeKey';
  if (typeof host !== 'string' || !/^https?:\/\/[^/]/.test(host))
    return 'init needs host, e.g. https://cairn.example.com';
  const consent = options.consent ?? 'auto';
  if (!consentModes.includes(consent)) return `consent must be one of ${consentModes.join(', ')}`;
  const flushAt = options.flushAt ?? defaultFlushAt;
  const flushIntervalMs = options.flushIntervalMs ?? defaultFlushIntervalMs;
  if (!Number.isInteger(flushAt) || flushAt < 1) return 'flushAt must be a whole number ≥ 1';
  if (typeof flushIntervalMs !== 'number' || !(flushIntervalMs >= 0)) return 'flushIntervalMs must be ≥ 0';
  return {
    writeKey: writeKey.trim(),
    host: host.replace(/\/+$/, ''),
    consent,
    flushAt,
    flushIntervalMs,
    webVitals: options.webVitals !== false,
    surveys: options.surveys !== false,
  };
}
