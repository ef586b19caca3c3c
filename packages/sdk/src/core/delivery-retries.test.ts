import { describe, expect, it } from 'vitest';
import { deliveryHarness as harness, message } from '../test-support/delivery-harness.js';
import { defaultRetryPolicy, type SendOutcome } from './retry-policy.js';

describe('Delivery retries', () => {
  it('retries a 5xx after exponential backoff and stops on success', async () => {
    const h = harness({ flushAt: 1 });
    h.state.responses.push({ kind: 'retry', reason: 'HTTP 500' }, { kind: 'retry', reason: 'HTTP 502' });
    h.delivery.enqueue(message());
    await h.settle();
    expect(h.sent).toHaveLength(1);
    // random() = 0.5: attempt 1 waits 500 + 250 ms, attempt 2 waits 1000 + 500 ms.
    await h.advance(749);
    expect(h.sent).toHaveLength(1);
    await h.advance(1);
    expect(h.sent).toHaveLength(2);
    await h.advance(1499);
    expect(h.sent).toHaveLength(2);
    await h.advance(1);
    expect(h.sent).toHaveLength(3);
    expect(h.queued()).toBe(0);
    expect(new Set(h.sentIds().flat()).size).toBe(1);
  });

  it('waits exactly Retry-After on 429 and does not send earlier even when flushed', async () => {
    const h = harness({ flushAt: 1 });
    h.state.responses.push({ kind: 'retry', reason: 'HTTP 429', retryAfterMs: 3000 });
    h.delivery.enqueue(message());
    await h.settle();
    h.delivery.enqueue(message());
    await h.delivery.flush();
    await h.advance(2999);
    expect(h.sent).toHaveLength(1);
    await h.advance(1);
    expect(h.sentIds()[1]).toHaveLength(2);
  });

  it('does not retry a 400, logs it and sends later messages normally', async () => {
    const h = harness({ flushAt: 1 });
    h.state.responses.push({ kind: 'rejected', status: 400, detail: '{"error":{"code":"CAIRN_INVALID"}}' });
    h.delivery.enqueue(message());
    await h.advance(120_000);
    expect(h.sent).toHaveLength(1);
    expect(h.logs).toEqual([
      expect.stringContaining('HTTP 400; not retried. {"error":{"code":"CAIRN_INVALID"}}'),
    ]);
    h.delivery.enqueue(message());
    await h.settle();
    expect(h.sent).toHaveLength(2);
  });

  it('warns about messages the server rejected inside an otherwise stored batch, without retrying them', async () => {
    const h = harness({ flushAt: 1 });
    h.state.responses.push({
      kind: 'delivered',
      notice: 'server rejected 1 message(s) of the batch: [{"index":0}]',
    });
    h.delivery.enqueue(message());
    await h.advance(10_000);
    expect(h.sent).toHaveLength(1);
    expect(h.logs).toEqual(['warn: cairn: server rejected 1 message(s) of the batch: [{"index":0}]']);
  });

  it('treats a network error like a 5xx', async () => {
    const h = harness({ flushAt: 1 });
    let calls = 0;
    const failing = h.delivery as unknown as { ports: { send: () => Promise<SendOutcome> } };
    failing.ports.send = async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return { kind: 'delivered' };
    };
    h.delivery.enqueue(message());
    await h.advance(1000);
    expect(calls).toBe(2);
    expect(h.queued()).toBe(0);
  });

  it('drops messages after maxAttempts failures', async () => {
    const h = harness({ flushAt: 1 });
    for (let index = 0; index < 20; index++) h.state.responses.push({ kind: 'retry', reason: 'HTTP 500' });
    h.delivery.enqueue(message());
    await h.advance(30 * 60_000);
    expect(h.sent).toHaveLength(defaultRetryPolicy.maxAttempts);
    expect(h.queued()).toBe(0);
    expect(h.logs).toEqual(['warn: cairn: dropped 1 message(s) after repeated failures (HTTP 500)']);
  });

  it('persists the attempt count so a reload does not reset the bound', async () => {
    const h = harness({ flushAt: 1 });
    h.state.responses.push({ kind: 'retry', reason: 'HTTP 503' });
    h.delivery.enqueue(message());
    await h.settle();
    expect(h.delivery.entries()[0]?.attempts).toBe(1);
    expect(h.saved.at(-1)).toHaveLength(1);
  });

  it('forgets a request that was in flight when the queue was cleared (consent revoked)', async () => {
    const h = harness({ flushAt: 1 });
    h.state.responses.push({ kind: 'retry', reason: 'HTTP 500' });
    h.delivery.enqueue(message());
    h.delivery.clear();
    await h.advance(60_000);
    expect(h.sent).toHaveLength(1);
    expect(h.queued()).toBe(0);
  });
});
