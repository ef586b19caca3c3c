import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { MessageType } from '@cairn/protocol';
import type { Registry } from 'prom-client';
import { CairnError } from '../../errors/catalogue.js';
import type { Store } from '../../store/port.js';
import { DedupeWindow } from './dedupe-window.js';
import { EventWriter, type QueuedMessage, type QueuedRequest, type WriteOutcome } from './event-writer.js';
import { messageKey } from './fingerprint-set.js';
import { GroupCommitQueue, type Staged } from './group-commit.js';
import type { StoredMessage } from './ingest-commit.js';
import { createIngestMetrics, type IngestMetrics } from './ingest-metrics.js';
import type { IngestOptions } from './ingest-options.js';
import { IngestApplier } from './journal/ingest-applier.js';
import { JournalLog } from './journal/journal-log.js';
import { replayJournal } from './journal/replay.js';
import { writeSetAside } from './journal/set-aside.js';
import { PreparePool } from './prepare/prepare-pool.js';
import type { Rejection } from './prepared-message.js';
import { prepareAll, type RequestFacts } from './steps/prepare.js';
import { validateAll } from './steps/validate.js';

export interface IngestResult {
  stored: number;
  duplicates: number;
  rejected: Rejection[];
  /** `ingest` only: the profile each message was stored for, by position (null: rejected or a duplicate). */
  profileIds?: (string | null)[];
}

export interface IngestCall {
  /** The type a single-message route implies (/v1/track …). */
  typeFromPath?: MessageType | undefined;
  /** Resolve only once the messages are visible in the store (internal callers that read them right after). */
  visible?: boolean | undefined;
}

/** Reactions that run once a batch is in the store (survey triggers, caches); they never delay the ack. */
export type AfterCommit = (messages: StoredMessage[]) => void | Promise<void>;

/**
 * The ingestion pipeline. Per request: validate → prepare (normalise, enrich). Then in the single writer, for
 * everything waiting (group commit): dedupe → resolve identity → append to the ingest journal, after which the
 * requests are answered: their events are durable. The applier then moves journaled batches into the store
 * (persist) and runs the after-commit reactions. Reads that must see acknowledged events wait for `caughtUp`.
 */
export class Ingestor {
  readonly metrics: IngestMetrics;
  private readonly dedupe: DedupeWindow;
  private readonly queue: GroupCommitQueue<QueuedMessage, WriteOutcome>;
  private readonly reactions: AfterCommit[] = [];
  private readonly durableObservers: ((events: StoredMessage[]) => void)[] = [];
  private readonly replays = new Map<string, (body: Buffer) => Promise<void>>();
  private journal: JournalLog | null = null;
  private writer: EventWriter | null = null;
  private readonly applier: IngestApplier;
  private readonly pool: PreparePool;

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
    this.metrics = createIngestMetrics(registry, {
      queued: () => this.queue.pendingItems,
      unapplied: () => this.applier.backlog,
      oldestUnappliedMs: () => this.applier.oldestUnappliedMs,
      knownIdentities: () => this.writer?.known.size ?? 0,
    });
    this.applier = new IngestApplier({
      maxEventsPerApply: options.maxEventsPerApply,
      persist: (commit) => this.metrics.timeAsync('persist', () => store.events.commitIngest(commit)),
      applied: (events) => this.react(events),
      release: (segment) => void this.journal?.release(segment),
      onError: (error, attempt) => {
        this.metrics.applyFailed();
        options.onApplyError?.(error, attempt);
      },
      now: () => now().getTime(),
      setAside: async (commit, error, planStored) => {
        const dir = path.join(path.dirname(options.journalDir), 'ingest-set-aside');
        const file = await writeSetAside(dir, commit, { reason: error.message, planStored, at: now() });
        this.metrics.setAside(commit.events.length);
        options.onSetAside?.({ file, events: commit.events.length, reason: error.message, planStored });
      },
    });
    this.pool = new PreparePool(options.prepareWorkers);
    store.onReplaced(() => this.restart());
  }

  /**
   * Opens the journal and moves what it holds beyond the store into the store (the commits acknowledged before a
   * crash), then remembers the messageIds of the dedupe window so retried messages are not stored twice.
   * Register after-commit reactions first: replayed events reach them like live ones.
   */
  async start(): Promise<{ replayed: number }> {
    const { log, records } = await JournalLog.open(this.options.journalDir);
    this.journal = log;
    const replayed = await replayJournal(records, {
      storedSeq: await this.store.events.lastIngestSeq(),
      ipMode: this.options.ipMode,
      applier: this.applier,
      replays: this.replays,
      durable: (events) => this.tellDurable(events),
    });
    // Everything in the journal is in the store now (or set aside).
    await log.release(Number.POSITIVE_INFINITY);
    this.writer = new EventWriter(
      this.store,
      this.dedupe,
      this.metrics,
      log,
      this.applier,
      this.now,
      (events) => this.tellDurable(events),
      this.options.onIdentityScanError ?? (() => undefined),
    );
    await this.warmUp();
    return { replayed };
  }

  /**
   * Makes another writer's record durable in the journal, in order with the event batches acknowledged before it:
   * resolves once it is on disk. `apply` then moves it into the store, in journal order (after the events it
   * follows). `weight` counts towards the unapplied backlog. Register how to replay the kind with `onReplay`.
   */
  async journalWrite(
    kind: string,
    parts: readonly Buffer[],
    apply: () => Promise<void>,
    weight: number,
  ): Promise<void> {
    if (!this.writer) throw new Error('The ingestor was not started.');
    if (this.applier.backlog >= this.options.maxUnappliedEvents) {
      throw new CairnError('CAIRN_OVERLOADED', { retryAfter: 1 });
    }
    const segment = await this.metrics.timeAsync('journal', () =>
      (this.writer as EventWriter).appendRecord(kind, parts),
    );
    this.applier.pushWrite(apply, segment, weight);
  }

  /**
   * How records of `kind` found in the journal at start are stored (the writes acknowledged before a crash). A
   * replayed record may already be in the store (applied, and the crash came before its segment was deleted), so
   * `replay` must be idempotent. Register before `start`.
   */
  onReplay(kind: string, replay: (body: Buffer) => Promise<void>): void {
    this.replays.set(kind, replay);
  }

  /** Reactions that run once a batch is in the store (they may read or write it); they never delay the ack. */
  afterCommit(reaction: AfterCommit): void {
    this.reactions.push(reaction);
  }

  /**
   * In-memory state that must know every acknowledged event (survey caches): called synchronously as soon as a
   * batch is durable, before its requests are answered, in journal order. Must not throw or touch the store.
   */
  onDurable(observer: (events: StoredMessage[]) => void): void {
    this.durableObservers.push(observer);
  }

  private tellDurable(events: StoredMessage[]): void {
    for (const observer of this.durableObservers) {
      try {
        observer(events);
      } catch {
        // An observer's failure must not turn a durable batch into a failed request.
      }
    }
  }

  /**
   * Ingests a request body of the Segment HTTP API as received: parsed, checked and prepared off the event loop
   * (prepare/), then written like any other messages. `workspaceFor` resolves the workspace from the write key
   * the body may carry; it throws when the key is not valid.
   */
  async ingestBody(
    body: { shape: 'batch' | 'single'; bytes: Buffer },
    facts: { requestIp: string | null; requestUserAgent: string | null },
    call: { typeFromPath?: MessageType | undefined },
    workspaceFor: (bodyWriteKey: string | undefined) => Promise<string>,
  ): Promise<IngestResult & { received: number }> {
    const receivedAt = this.now();
    const requestKey = randomUUID();
    const output = await this.pool.run({
      shape: body.shape,
      bytes: body.bytes,
      typeFromPath: call.typeFromPath ?? null,
      receivedAt: receivedAt.getTime(),
      requestIp: facts.requestIp,
      requestUserAgent: facts.requestUserAgent,
      ipMode: this.options.ipMode,
      requestKey,
    });
    if (!output.ok) throw new CairnError(output.error.code, output.error.params, output.error.details);
    const workspaceId = await workspaceFor(output.writeKey);
    this.metrics.observe('validate', output.seconds.validate);
    this.metrics.observe('prepare', output.seconds.prepare);
    for (const rejection of output.rejected) this.metrics.dropped(rejection.reason);
    for (const message of output.prepared) message.workspaceId = workspaceId;
    const request: QueuedRequest = {
      facts: {
        workspaceId,
        receivedAt,
        requestIp: facts.requestIp,
        requestUserAgent: facts.requestUserAgent,
        // Only replay needs them, and replay reads them from the body again.
        batchSentAt: undefined,
        batchContext: undefined,
        ipMode: this.options.ipMode,
        requestKey,
      },
      typeFromPath: call.typeFromPath ?? null,
      shape: body.shape,
      body: () => body.bytes,
    };
    const queued = output.prepared.map((message, i) => ({
      message,
      index: output.indexes[i] as number,
      request,
    }));
    const result = await this.submit(queued, output.rejected, false);
    return { ...result, received: output.received };
  }

  /** Ingests message objects handed over by Cairn itself (survey events, imports), prepared on the event loop. */
  async ingest(
    messages: unknown[],
    facts: Omit<RequestFacts, 'ipMode' | 'receivedAt' | 'requestKey'>,
    call: IngestCall = {},
  ): Promise<IngestResult> {
    const { valid, rejected } = this.metrics.time('validate', () => validateAll(messages, call.typeFromPath));
    for (const rejection of rejected) this.metrics.dropped(rejection.reason);
    const requestFacts: RequestFacts = {
      ...facts,
      receivedAt: this.now(),
      ipMode: this.options.ipMode,
      requestKey: randomUUID(),
    };
    const request: QueuedRequest = {
      facts: requestFacts,
      typeFromPath: call.typeFromPath ?? null,
      shape: 'list',
      body: () => Buffer.from(JSON.stringify(messages)),
    };
    const queued = this.metrics.time('prepare', () =>
      prepareAll(valid, requestFacts).map((message, i) => ({
        message,
        index: (valid[i] as { index: number }).index,
        request,
      })),
    );
    const result = await this.submit(queued, rejected, call.visible === true);
    const profileIds: (string | null)[] = messages.map(() => null);
    for (const q of queued) if (q.message.profileId) profileIds[q.index] = q.message.profileId;
    return { ...result, profileIds };
  }

  private async submit(
    queued: QueuedMessage[],
    rejected: Rejection[],
    visible: boolean,
  ): Promise<IngestResult> {
    if (queued.length === 0) return { stored: 0, duplicates: 0, rejected };
    if (this.applier.backlog >= this.options.maxUnappliedEvents) {
      throw new CairnError('CAIRN_OVERLOADED', { retryAfter: 1 });
    }
    const outcomes = await this.queue.submit(queued);
    if (visible) await this.applier.caughtUp();
    const duplicates = outcomes.filter((o) => o === 'duplicate').length;
    return { stored: queued.length - duplicates, duplicates, rejected };
  }

  /**
   * Resolves once the identities in the store have been read (since start-up or the last restore): from then on
   * identifiers seen for the first time are known to be new without a lookup in the store.
   */
  async identitiesRead(): Promise<void> {
    await this.writer?.known.settled();
  }

  /** Resolves once every event acknowledged so far is in the store, or after `timeoutMs` at the latest. */
  caughtUp(timeoutMs?: number): Promise<void> {
    if (this.applier.backlog === 0) return Promise.resolve();
    const applied = this.applier.caughtUp();
    if (timeoutMs === undefined) return applied;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    return Promise.race([applied, timeout]).finally(() => clearTimeout(timer));
  }

  /** Graceful shutdown: refuse new messages, journal everything accepted, move it all into the store. */
  async drain(): Promise<void> {
    await this.queue.drain();
    await this.applier.drain();
    await this.journal?.close();
    await this.pool.close();
  }

  private async commit(batch: QueuedMessage[]): Promise<Staged<WriteOutcome>> {
    if (!this.writer) throw new Error('The ingestor was not started.');
    const staged = await this.writer.write(batch);
    const stored = staged.results.filter((o) => o === 'stored').length;
    return {
      results: staged.results,
      durable: staged.durable.then(() => {
        this.metrics.stored(stored);
        this.metrics.dropped('duplicate', batch.length - stored);
      }),
    };
  }

  /** Resolves once everything accepted so far is journaled and in the store (before a restore). */
  async flush(): Promise<void> {
    await this.queue.idle();
    await this.applier.drain();
  }

  /**
   * After a restore the store holds other data: what the journal still held belongs to the replaced data (the
   * restore route flushes first, so normally nothing); continue the new data's sequence, forget identities and
   * messageIds.
   */
  private async restart(): Promise<void> {
    this.applier.discard();
    await this.journal?.clear();
    await this.warmUp();
  }

  private async warmUp(): Promise<void> {
    this.dedupe.clear(this.now().getTime());
    await this.writer?.start();
    const since = new Date(this.now().getTime() - this.options.dedupeWindowHours * 3_600_000).toISOString();
    const keys = await this.store.events.recentMessageKeys(
      since,
      Math.floor(this.options.dedupeMaxEntries / 2),
    );
    const at = this.now().getTime();
    for (const { workspaceId, messageId } of keys.reverse()) {
      this.dedupe.add(messageKey(workspaceId, messageId), at);
    }
  }

  /**
   * After-commit work runs detached: the events are durable, and nothing waits for reactions. All reactions
   * start at once, so each one's synchronous part (in-memory caches) has run before the applier moves on.
   */
  private react(events: StoredMessage[]): void {
    if (events.length === 0 || this.reactions.length === 0) return;
    void this.metrics.timeAsync('after_commit', async () => {
      const started = this.reactions.map((reaction) => {
        try {
          return Promise.resolve(reaction(events));
        } catch (error) {
          return Promise.reject(error);
        }
      });
      await Promise.allSettled(started);
    });
  }
}
