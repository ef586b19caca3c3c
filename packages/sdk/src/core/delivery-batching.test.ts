import { describe, expect, it } from 'vitest';
import { deliveryHarness as harness, message } from '../test-support/delivery-harness.js';

describe('Delivery batching', () => {
  it('sends one batch as soon as flushAt messages are queued', async () => {
    const h = harness({ flushAt: 3 });
    h.delivery.enqueue(message());
    h.delivery.enqueue(message());
    await h.settle();
    expect(h.sent).toHaveLength(0);
    h.delivery.enqueue(message());
    await h.settle();
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]?.batch).toHaveLength(3);
    expect(h.sent[0]).toMatchObject({ writeKey: 'wk', sentAt: '1970-01-01T00:00:00.000Z' });
    expect(h.queued()).toBe(0);
  });

  it('leaves messages queued during a request to their own trigger instead of sending them one by one', async () => {
    const h = harness({ flushAt: 2, flushIntervalMs: 5000 });
    h.delivery.enqueue(message());
    h.delivery.enqueue(message()); // flushAt reached: request 1 starts
    h.delivery.enqueue(message()); // queued while request 1 is in flight
    await h.settle();
    expect(h.sent.map((envelope) => envelope.batch.length)).toEqual([2]);
    h.delivery.enqueue(message());
    await h.settle();
    expect(h.sent.map((envelope) => envelope.batch.length)).toEqual([2, 2]);
  });

  it('flush() during a request also sends what was queued after it started', async () => {
    const h = harness({ flushAt: 2, flushIntervalMs: 60_000 });
    h.delivery.enqueue(message());
    h.delivery.enqueue(message());
    h.delivery.enqueue(message());
    await h.delivery.flush();
    expect(h.sent.map((envelope) => envelope.batch.length)).toEqual([2, 1]);
  });

  it('sends fewer messages after flushIntervalMs', async () => {
    const h = harness({ flushIntervalMs: 5000 });
    h.delivery.enqueue(message());
    await h.advance(4999);
    expect(h.sent).toHaveLength(0);
    await h.advance(1);
    expect(h.sent).toHaveLength(1);
  });

  it('drops a message over 32 KB with a warning and keeps the others', async () => {
    const h = harness({ flushAt: 1 });
    h.delivery.enqueue(message(33_000));
    h.delivery.enqueue(message(10));
    await h.settle();
    expect(h.logs).toEqual([expect.stringMatching(/^warn: cairn: dropped a track call of \d+ bytes/)]);
    expect(h.sent.flatMap((envelope) => envelope.batch)).toHaveLength(1);
  });

  it('splits what is queued into requests of at most 500 KB', async () => {
    const h = harness({ flushAt: 20 });
    for (let index = 0; index < 20; index++) h.delivery.enqueue(message(30_000));
    await h.settle();
    expect(h.sent.map((envelope) => envelope.batch.length)).toEqual([16, 4]);
    for (const envelope of h.sent) expect(JSON.stringify(envelope).length).toBeLessThanOrEqual(500_000);
  });

  it('holds messages while sending is not allowed and sends them when flushed later', async () => {
    const h = harness({ flushAt: 1 });
    h.state.allowed = false;
    h.delivery.enqueue(message());
    await h.advance(60_000);
    expect(h.sent).toHaveLength(0);
    expect(h.queued()).toBe(1);
    h.state.allowed = true;
    await h.delivery.flush();
    expect(h.sent).toHaveLength(1);
  });

  it('keeps older persisted messages first and skips ids it already has', async () => {
    const h = harness({ flushAt: 100 });
    const fresh = message();
    const old = message();
    h.delivery.enqueue(fresh);
    h.delivery.adopt([
      { message: old, attempts: 2 },
      { message: fresh, attempts: 0 },
    ]);
    expect(h.delivery.entries().map((entry) => [entry.message.messageId, entry.attempts])).toEqual([
      [old.messageId, 2],
      [fresh.messageId, 0],
    ]);
  });

  it('drops the oldest messages when the queue is full', () => {
    const h = harness({ flushAt: 100, maxQueueLength: 2 });
    const [first, second, third] = [message(), message(), message()];
    h.state.allowed = false;
    for (const m of [first, second, third]) h.delivery.enqueue(m);
    expect(h.delivery.entries().map((entry) => entry.message.messageId)).toEqual([
      second.messageId,
      third.messageId,
    ]);
    expect(h.logs).toEqual(['warn: cairn: queue full, dropped the 1 oldest message(s)']);
  });
});

describe('Delivery on page hide', () => {
  it('hands everything queued to the beacon in chunks under 60 KB', async () => {
    const h = harness({ flushAt: 100 });
    for (let index = 0; index < 5; index++) h.delivery.enqueue(message(20_000));
    h.delivery.flushOnPageHide();
    expect(h.beacons.map((envelope) => envelope.batch.length)).toEqual([2, 2, 1]);
    for (const envelope of h.beacons) expect(JSON.stringify(envelope).length).toBeLessThanOrEqual(60_000);
    expect(h.queued()).toBe(0);
    expect(h.saved.at(-1)).toEqual([]);
  });

  it('keeps messages persisted when the browser refuses the beacon', () => {
    const h = harness({ flushAt: 100 });
    h.state.beaconResult = false;
    h.delivery.enqueue(message());
    h.delivery.flushOnPageHide();
    expect(h.queued()).toBe(1);
  });

  it('settles a keepalive-fetch fallback like a normal request', async () => {
    const h = harness({ flushAt: 100 });
    h.state.beaconResult = Promise.resolve({ kind: 'delivered' });
    h.delivery.enqueue(message());
    h.delivery.flushOnPageHide();
    await h.settle();
    expect(h.queued()).toBe(0);
  });

  it('leaves messages in flight or in backoff to the next page instead of beaconing them', async () => {
    const h = harness({ flushAt: 1 });
    h.state.responses.push({ kind: 'retry', reason: 'HTTP 503', retryAfterMs: 10_000 });
    h.delivery.enqueue(message());
    await h.settle();
    h.delivery.flushOnPageHide();
    expect(h.beacons).toHaveLength(0);
    expect(h.queued()).toBe(1);
  });
});
