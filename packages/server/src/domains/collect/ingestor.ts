import type { MessageType, SegmentMessage } from '@cairn/protocol';
import type { Registry } from 'prom-client';
import type { Store } from '../../store/port.js';
import { DedupeWindow } from './dedupe-window.js';
import { EventWriter, type StoredMessage, type WriteOutcome } from './event-writer.js';
import { GroupCommitQueue } from './group-commit.js';
import { createIngestMetrics, type IngestMetrics } from './ingest-metrics.js';
import type { PreparedMessage, Rejection } from './prepared-message.js';
import { prepareMessage, type RequestFacts } from './steps/prepare.js';
import type { IpMode } from './steps/pseudonymise-ip.js';
import { validateMessage } from './steps/validate.js';

export interface IngestOptions {
  ipMode: IpMode;
  maxPendingMessages: number;
  maxBatchMessages: number;
  dedupeWindowHours: number;
  dedupeMaxEntries: number;
}

export interface IngestResult {
  stored: number;
  duplicates: number;
  rejected: Rejection[];
}

/** Reactions that run after a batch is durable (survey triggers, live views); they never delay the ack. */
export type AfterCommit = (messages: StoredMessage[]) => void | Promise<void>;

/**
 * The ingestion pipeline: validate → prepare (normalise, enrich) per request; then, in the single writer,
 * dedupe → resolve identity → persist (group commit); then after-commit reactions. A request is answered only
 * once its messages are committed.
 */
export class Ingestor {
  readonly metrics: IngestMetrics;
  private readonly dedupe: DedupeWindow;
  private readonly writer: EventWriter;
  private readonly queue: GroupCommitQueue<PreparedMessage, WriteOutcome>;
  private readonly reactions: AfterCommit[] = [];

  constructor(
    private readonly store: Store,
    private readonly options: IngestOptions,
    registry: Registry,
    private readonly now: () => Date,
  ) {
    this.dedupe = new DedupeWindow(
      options.dedupeWindowHours * 3_600_000,
      options.dedupeMaxEntries,
      now().getTime(),
    );
    this.queue = new GroupCommitQueue((batch) => this.commit(batch), {
      maxPendingItems: options.maxPendingMessages,
      maxBatchItems: options.maxBatchMessages,
      retryAfterSeconds: 1,
    });
    this.metrics = createIngestMetrics(registry, () => this.queue.pendingItems);
    this.writer = new EventWriter(store, this.dedupe, this.metrics, now);
    store.onReplaced(() => this.warmUp());
  }

  /** Remembers the messageIds of the dedupe window so a restart does not let retried messages in twice. */
  async warmUp(): Promise<void> {
    this.dedupe.clear(this.now().getTime());
    await this.writer.start();
    const since = new Date(this.now().getTime() - this.options.dedupeWindowHours * 3_600_000).toISOString();
    const keys = await this.store.events.recentMessageKeys(
      since,
      Math.floor(this.options.dedupeMaxEntries / 2),
    );
    const at = this.now().getTime();
    for (const key of keys.reverse()) this.dedupe.add(key, at);
  }

  afterCommit(reaction: AfterCommit): void {
    this.reactions.push(reaction);
  }

  async ingest(
    messages: unknown[],
    facts: Omit<RequestFacts, 'ipMode' | 'receivedAt'>,
    typeFromPath?: MessageType,
  ): Promise<IngestResult> {
    const rejected: Rejection[] = [];
    const valid: SegmentMessage[] = [];
    this.metrics.time('validate', () => {
      for (const [index, raw] of messages.entries()) {
        const checked = validateMessage(raw, typeFromPath);
        if (checked.ok) {
          valid.push(checked.value);
          continue;
        }
        this.metrics.dropped(checked.reason);
        rejected.push({
          index,
          reason: checked.reason,
          code: checked.reason === 'message_too_large' ? 'CAIRN_MESSAGE_TOO_LARGE' : 'CAIRN_INVALID_MESSAGE',
          message: checked.message,
        });
      }
    });
    const requestFacts: RequestFacts = { ...facts, receivedAt: this.now(), ipMode: this.options.ipMode };
    const prepared = this.metrics.time('prepare', () =>
      valid.map((message) => prepareMessage(message, requestFacts)),
    );
    const outcomes = await this.queue.submit(prepared);
    const duplicates = outcomes.filter((o) => o === 'duplicate').length;
    return { stored: prepared.length - duplicates, duplicates, rejected };
  }

  /** Graceful shutdown: refuse new messages, commit everything accepted. */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  private async commit(batch: PreparedMessage[]): Promise<WriteOutcome[]> {
    const { outcomes, stored } = await this.writer.write(batch);
    this.metrics.stored(stored.length);
    this.metrics.dropped('duplicate', batch.length - stored.length);
    if (stored.length && this.reactions.length) {
      // After-commit work runs detached: the events are durable, and the ack must not wait for reactions.
      // All reactions start at once, so each one's synchronous part (in-memory caches) has run by the time the
      // request is answered, whatever the others wait for.
      void this.metrics.timeAsync('after_commit', async () => {
        const started = this.reactions.map((reaction) => {
          try {
            return Promise.resolve(reaction(stored));
          } catch (error) {
            return Promise.reject(error);
          }
        });
        await Promise.allSettled(started);
      });
    }
    return outcomes;
  }
}
