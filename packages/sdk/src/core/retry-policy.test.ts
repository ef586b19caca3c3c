import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  classifyResponse,
  defaultRetryPolicy,
  parseRetryAfterMs,
  retryDelayMs,
} from './retry-policy.js';

const policy = defaultRetryPolicy;
const now = Date.parse('2026-03-01T12:00:00Z');

describe('backoffDelayMs', () => {
  it('doubles per attempt between half and all of the step (equal jitter)', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, () => 0, policy))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, () => 1, policy))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('is capped at maxDelayMs however many attempts failed', () => {
    expect(backoffDelayMs(30, () => 1, policy)).toBe(60_000);
    expect(backoffDelayMs(30, () => 0, policy)).toBe(30_000);
  });
});

describe('parseRetryAfterMs (RFC 9110 §10.2.3)', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('7', now)).toBe(7000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
  });
});

describe('classifyResponse', () => {
  it('treats 2xx as stored', () => {
    expect(classifyResponse(200, null, now)).toEqual({ kind: 'delivered' });
  });

  it('retries 429 and 503 honouring Retry-After', () => {
    expect(classifyResponse(429, '3', now)).toEqual({
      kind: 'retry',
      reason: 'HTTP 429',
      retryAfterMs: 3000,
    });
    expect(classifyResponse(503, '120', now)).toEqual({
      kind: 'retry',
      reason: 'HTTP 503',
      retryAfterMs: 120_000,
    });
  });

  it('retries other 5xx and 408 with backoff', () => {
    expect(classifyResponse(500, null, now)).toEqual({ kind: 'retry', reason: 'HTTP 500' });
    expect(classifyResponse(502, null, now).kind).toBe('retry');
    expect(classifyResponse(408, null, now).kind).toBe('retry');
  });

  it('does not retry client errors that would fail again', () => {
    for (const status of [400, 401, 403, 404, 413])
      expect(classifyResponse(status, null, now).kind).toBe('rejected');
  });
});

describe('retryDelayMs', () => {
  it('prefers the server Retry-After over backoff', () => {
    expect(retryDelayMs({ retryAfterMs: 2000 }, 5, () => 0.5, policy)).toBe(2000);
  });

  it('bounds a huge Retry-After', () => {
    expect(retryDelayMs({ retryAfterMs: 86_400_000 }, 1, () => 0.5, policy)).toBe(policy.maxRetryAfterMs);
  });

  it('falls back to backoff without Retry-After', () => {
    expect(retryDelayMs({}, 3, () => 0, policy)).toBe(2000);
  });
});
