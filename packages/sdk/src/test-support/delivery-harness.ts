import { Delivery, type DeliveryPorts } from '../core/delivery.js';
import { defaultRetryPolicy, type SendOutcome } from '../core/retry-policy.js';
import type { BatchEnvelope, SegmentMessage } from '../wire.js';

let nextId = 0;
export function message(padding = 0): SegmentMessage {
  nextId += 1;
  return {
    type: 'track',
    event: 'Clicked',
    properties: padding > 0 ? { padding: 'x'.repeat(padding) } : {},
    messageId: `m${nextId}`,
    anonymousId: 'a',
    originalTimestamp: '2026-01-01T00:00:00.000Z',
    context: {
      library: { name: 'cairn.js', version: '0' },
      channel: 'web',
      page: { url: '', path: '', referrer: '', title: '', search: '' },
      userAgent: '',
      locale: 'de',
    },
  };
}

/** Fake clock, timers and network around one Delivery; `advance` runs due timers and settles promises. */
export function deliveryHarness(
  options: { flushAt?: number; flushIntervalMs?: number; maxQueueLength?: number } = {},
) {
  let clock = 0;
  let timerId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const state = {
    allowed: true,
    responses: [] as SendOutcome[],
    beaconResult: true as boolean | Promise<SendOutcome>,
  };
  const sent: BatchEnvelope[] = [];
  const beacons: BatchEnvelope[] = [];
  const saved: string[][] = [];
  const logs: string[] = [];
  const ports: DeliveryPorts = {
    send: async (envelope) => {
      sent.push(envelope);
      return state.responses.shift() ?? { kind: 'delivered' };
    },
    sendOnPageHide: (envelope) => {
      beacons.push(envelope);
      return state.beaconResult;
    },
    save: (entries) => saved.push(entries.map((entry) => entry.message.messageId)),
    maySend: () => state.allowed,
    now: () => new Date(clock),
    random: () => 0.5,
    setTimer: (callback, ms) => {
      timerId += 1;
      timers.set(timerId, { at: clock + ms, callback });
      return timerId;
    },
    clearTimer: (handle) => {
      timers.delete(handle as number);
    },
    log: (level, text) => logs.push(`${level}: ${text}`),
  };
  const delivery = new Delivery(
    {
      writeKey: 'wk',
      flushAt: options.flushAt ?? 20,
      flushIntervalMs: options.flushIntervalMs ?? 5000,
      maxQueueLength: options.maxQueueLength ?? 1000,
      retryPolicy: defaultRetryPolicy,
    },
    ports,
  );
  const settle = async () => {
    for (let round = 0; round < 10; round++) await Promise.resolve();
  };
  const advance = async (ms: number) => {
    const until = clock + ms;
    for (;;) {
      await settle();
      const due = [...timers.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      clock = due[1].at;
      due[1].callback();
    }
    clock = until;
    await settle();
  };
  const sentIds = () => sent.map((envelope) => envelope.batch.map((m) => m.messageId));
  return {
    delivery,
    state,
    sent,
    beacons,
    saved,
    logs,
    advance,
    settle,
    sentIds,
    queued: () => delivery.entries().length,
  };
}
