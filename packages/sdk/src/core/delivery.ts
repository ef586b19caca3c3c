import type { BatchEnvelope, SegmentMessage } from '../wire.js';
import { maxBatchBytes, maxBeaconBytes, maxMessageBytes } from '../wire.js';
import { envelopeOverheadBytes, jsonByteLength, splitIntoBatches } from './batching.js';
import { type RetryPolicy, retryDelayMs, type SendOutcome } from './retry-policy.js';

export interface QueuedMessage {
  message: SegmentMessage;
  bytes: number;
  /** Failed delivery attempts so far; persisted so a reload does not reset the bound. */
  attempts: number;
  inFlight: boolean;
}

export interface DeliveryOptions {
  writeKey: string;
  flushAt: number;
  flushIntervalMs: number;
  maxQueueLength: number;
  retryPolicy: RetryPolicy;
}

/** Everything with a side effect, injected so the queue logic runs (and is tested) without a browser. */
export interface DeliveryPorts {
  send(envelope: BatchEnvelope): Promise<SendOutcome>;
  /** `true`: the browser accepted a beacon; a Promise: a keepalive fetch is under way; `false`: nothing left. */
  sendOnPageHide(envelope: BatchEnvelope): boolean | Promise<SendOutcome>;
  /** Persists the queue (a no-op while consent forbids storage). */
  save(entries: readonly QueuedMessage[]): void;
  maySend(): boolean;
  now(): Date;
  random(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  log(level: 'warn' | 'error', message: string): void;
}

/** The outgoing queue: batching by count, time and size, retries with backoff, and the page-hide beacon. */
export class Delivery {
  private queue: QueuedMessage[] = [];
  private flushTimer: unknown;
  private retryTimer: unknown;
  private draining: Promise<void> | undefined;
  private consecutiveFailures = 0;
  private readonly overheadBytes: number;

  constructor(
    private readonly options: DeliveryOptions,
    private readonly ports: DeliveryPorts,
  ) {
    this.overheadBytes = envelopeOverheadBytes(options.writeKey);
  }

  entries(): readonly QueuedMessage[] {
    return this.queue;
  }

  enqueue(message: SegmentMessage): void {
    let bytes: number;
    try {
      bytes = jsonByteLength(message);
    } catch {
      this.ports.log('warn', `cairn: dropped a ${message.type} call whose data cannot be serialised to JSON`);
      return;
    }
    if (bytes > maxMessageBytes) {
      this.ports.log(
        'warn',
        `cairn: dropped a ${message.type} call of ${bytes} bytes (limit ${maxMessageBytes})`,
      );
      return;
    }
    this.queue.push({ message, bytes, attempts: 0, inFlight: false });
    this.enforceCapacity();
    this.ports.save(this.queue);
    this.onQueueChanged();
  }

  /**
   * Takes over messages persisted by an earlier page (same tab or a closed one; ids already queued are skipped),
   * then persists and sends the whole queue. Also called when consent is granted, for what waited in memory.
   */
  adopt(persisted: ReadonlyArray<{ message: SegmentMessage; attempts: number }>): void {
    const known = new Set(this.queue.map((entry) => entry.message.messageId));
    const adopted = persisted
      .filter((entry) => !known.has(entry.message.messageId))
      .map((entry) => ({ ...entry, bytes: jsonByteLength(entry.message), inFlight: false }));
    this.queue = [...adopted, ...this.queue];
    this.enforceCapacity();
    this.ports.save(this.queue);
    this.onQueueChanged();
  }

  clear(): void {
    this.queue = [];
    this.ports.clearTimer(this.flushTimer);
    this.ports.clearTimer(this.retryTimer);
    this.flushTimer = undefined;
    this.retryTimer = undefined;
    this.consecutiveFailures = 0;
  }

  /** While a retry is scheduled (backoff or Retry-After) this waits for it instead of hammering the server. */
  flush(): Promise<void> {
    // A request is under way: send what is queued now as soon as it has settled.
    if (this.draining) return this.draining.then(() => this.flush());
    if (!this.ports.maySend() || this.retryTimer !== undefined) return Promise.resolve();
    this.cancelFlushTimer();
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      this.onQueueChanged();
    });
    return this.draining;
  }

  /**
   * Last chance before the page may be discarded: hand every message not already in flight to `sendBeacon`.
   * In flight or in backoff, messages stay persisted and the next page of the site sends them (the server
   * de-duplicates by messageId, so a double send is harmless; a lost one is not).
   */
  flushOnPageHide(): void {
    if (!this.ports.maySend() || this.retryTimer !== undefined) return;
    this.cancelFlushTimer();
    const pending = this.queue.filter((entry) => !entry.inFlight);
    for (const batch of splitIntoBatches(pending, maxBeaconBytes, this.overheadBytes)) {
      const result = this.ports.sendOnPageHide(this.envelope(batch));
      if (result === false) break;
      if (result === true) {
        this.remove(batch);
        continue;
      }
      for (const entry of batch) entry.inFlight = true;
      result.then(
        (outcome) => this.settle(batch, outcome),
        (error: unknown) => this.settle(batch, { kind: 'retry', reason: String(error) }),
      );
    }
    this.ports.save(this.queue);
  }

  /**
   * Sends what was queued when the flush began, in as many requests as the size limit needs. Messages queued
   * meanwhile wait for their own trigger (flushAt or the timer), so a steady stream is not sent one by one.
   */
  private async drain(): Promise<void> {
    const due = new Set(this.queue);
    for (;;) {
      if (!this.ports.maySend() || this.retryTimer !== undefined) return;
      const pending = this.queue.filter((entry) => due.has(entry) && !entry.inFlight);
      const [batch] = splitIntoBatches(pending, maxBatchBytes, this.overheadBytes);
      if (!batch) return;
      for (const entry of batch) entry.inFlight = true;
      let outcome: SendOutcome;
      try {
        outcome = await this.ports.send(this.envelope(batch));
      } catch (error) {
        outcome = { kind: 'retry', reason: String(error) };
      }
      this.settle(batch, outcome);
      if (outcome.kind === 'retry') return;
    }
  }

  private settle(batch: QueuedMessage[], outcome: SendOutcome): void {
    // A revoke may have cleared the queue while the request was under way: forget those messages.
    const stillQueued = batch.filter((entry) => this.queue.includes(entry));
    for (const entry of stillQueued) entry.inFlight = false;
    if (stillQueued.length === 0) return;
    if (outcome.kind === 'delivered') {
      this.consecutiveFailures = 0;
      this.remove(stillQueued);
      if (outcome.notice) this.ports.log('warn', `cairn: ${outcome.notice}`);
    } else if (outcome.kind === 'rejected') {
      this.remove(stillQueued);
      this.ports.log(
        'error',
        `cairn: server rejected ${stillQueued.length} message(s) with HTTP ${outcome.status}; not retried. ${outcome.detail}`,
      );
    } else {
      this.scheduleRetry(stillQueued, outcome);
    }
    this.ports.save(this.queue);
  }

  private scheduleRetry(batch: QueuedMessage[], outcome: { reason: string; retryAfterMs?: number }): void {
    this.consecutiveFailures += 1;
    for (const entry of batch) entry.attempts += 1;
    const exhausted = batch.filter((entry) => entry.attempts >= this.options.retryPolicy.maxAttempts);
    if (exhausted.length > 0) {
      this.remove(exhausted);
      this.ports.log(
        'warn',
        `cairn: dropped ${exhausted.length} message(s) after repeated failures (${outcome.reason})`,
      );
    }
    if (this.retryTimer !== undefined || this.queue.length === 0) return;
    const delay = retryDelayMs(
      outcome,
      this.consecutiveFailures,
      () => this.ports.random(),
      this.options.retryPolicy,
    );
    this.retryTimer = this.ports.setTimer(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, delay);
  }

  private onQueueChanged(): void {
    if (!this.ports.maySend()) return;
    const pendingCount = this.queue.filter((entry) => !entry.inFlight).length;
    if (pendingCount >= this.options.flushAt) void this.flush();
    else this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined || this.retryTimer !== undefined || this.queue.length === 0) return;
    if (!this.ports.maySend()) return;
    this.flushTimer = this.ports.setTimer(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, this.options.flushIntervalMs);
  }

  private cancelFlushTimer(): void {
    this.ports.clearTimer(this.flushTimer);
    this.flushTimer = undefined;
  }

  /** Bounded memory and storage: past the limit the oldest messages not in flight go first. */
  private enforceCapacity(): void {
    const excess = this.queue.length - this.options.maxQueueLength;
    if (excess <= 0) return;
    const victims = this.queue.filter((entry) => !entry.inFlight).slice(0, excess);
    this.remove(victims);
    this.ports.log('warn', `cairn: queue full, dropped the ${victims.length} oldest message(s)`);
  }

  private remove(entries: readonly QueuedMessage[]): void {
    const gone = new Set(entries);
    this.queue = this.queue.filter((entry) => !gone.has(entry));
  }

  private envelope(batch: readonly QueuedMessage[]): BatchEnvelope {
    return {
      batch: batch.map((entry) => entry.message),
      sentAt: this.ports.now().toISOString(),
      writeKey: this.options.writeKey,
    };
  }
}
