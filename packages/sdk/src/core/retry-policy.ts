export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failed attempts after which a message is dropped with a warning. */
  maxAttempts: number;
  /** Upper bound for a server's Retry-After, so a bogus value cannot park the queue for days. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxAttempts: 10,
  maxRetryAfterMs: 3_600_000,
};

export type SendOutcome =
  /** `notice`: the server stored the batch but rejected some messages in it (Cairn answers 200 + `rejected`). */
  | { kind: 'delivered'; notice?: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'rejected'; status: number; detail: string };

/**
 * Exponential backoff with "equal jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015):
 * half of the exponential step is fixed, half random, so clients spread out but never retry instantly.
 * `attempt` counts failures so far, starting at 1.
 */
export function backoffDelayMs(attempt: number, random: () => number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date form names a month; without that check Date.parse would accept e.g. "-5" as a year.
  const date = /[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * 2xx: stored. 429 and 503 are the server asking us to slow down (with Retry-After); 408 and other 5xx are
 * transient. Every other status (400 invalid, 401/403 bad write key, 413 too large) would fail again: not retried.
 */
export function classifyResponse(status: number, retryAfter: string | null, nowMs: number): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfterMs(retryAfter, nowMs);
    return {
      kind: 'retry',
      reason: `HTTP ${status}`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  return { kind: 'rejected', status, detail: '' };
}

export function retryDelayMs(
  outcome: { retryAfterMs?: number },
  attempt: number,
  random: () => number,
  policy: RetryPolicy,
): number {
  if (outcome.retryAfterMs !== undefined) return Math.min(outcome.retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelayMs(attempt, random, policy);
}
