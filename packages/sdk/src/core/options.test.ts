import { describe, expect, it } from 'vitest';
import type { InitOptions } from '../public-api.js';
import { resolveOptions } from './options.js';

describe('resolveOptions', () => {
  it('applies defaults and trims the host', () => {
    expect(resolveOptions({ writeKey: ' wk_1 ', host: 'https://cairn.example.com/' })).toEqual({
      writeKey: 'wk_1',
      host: 'https://cairn.example.com',
      consent: 'auto',
      flushAt: 20,
      flushIntervalMs: 5000,
      webVitals: true,
      surveys: true,
    });
  });

  it('keeps explicit settings', () => {
    const resolved = resolveOptions({
      writeKey: 'k',
      host: 'http://127.0.0.1:8080',
      consent: 'required',
      flushAt: 1,
      flushIntervalMs: 0,
      webVitals: false,
    });
    expect(resolved).toMatchObject({ consent: 'required', flushAt: 1, flushIntervalMs: 0, webVitals: false });
  });

  it.each([
    [undefined, /options object/],
    [{ host: 'https://x.example' }, /writeKey/],
    [{ writeKey: 'k', host: 'cairn.example.com' }, /host/],
    [{ writeKey: 'k', host: 'https://x.example', consent: 'maybe' }, /consent/],
    [{ writeKey: 'k', host: 'https://x.example', flushAt: 0 }, /flushAt/],
    [{ writeKey: 'k', host: 'https://x.example', flushIntervalMs: Number.NaN }, /flushIntervalMs/],
  ])('explains what is wrong with %j', (options, message) => {
    expect(resolveOptions(options as InitOptions)).toMatch(message);
  });
});
