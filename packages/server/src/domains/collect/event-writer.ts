import type { MessageType } from '@cairn/protocol';
import { uuidv7 } from 'uuidv7';
import type { Store } from '../../store/port.js';
import type { DedupeWindow } from './dedupe-window.js';
import { FingerprintSet, type MessageKey, messageKey } from './fingerprint-set.js';
import type { Staged } from './group-commit.js';
import { IdentityGraph, identityKey } from './identity/identity-graph.js';
import { KnownIdentities } from './identity/known-identities.js';
import { identityRefs } from './identity/message-identities.js';
import { ingestCommit, type StoredMessage } from './ingest-commit.js';
import type { IngestMetrics } from './ingest-metrics.js';
import type { IngestApplier } from './journal/ingest-applier.js';
import { type BodyShape, encodeIngestRecord, type RecordedRequest } from './journal/ingest-record.js';
import type { JournalLog } from './journal/journal-log.js';
import { eventsKind, tagRecord } from './journal/record-kind.js';
import { fillRow } from './prepare/event-rows.js';
import type { PreparedMessage } from './prepared-message.js';
import type { RequestFacts } from './steps/prepare.js';

export type WriteOutcome = 'stored' | 'duplicate';
export type { StoredMessage } from './ingest-commit.js';

/** One request's messages as they wait for the writer, with what the journal needs to replay them. */
export interface QueuedRequest {
  facts: RequestFacts;
  typeFromPath: MessageType | null;
  shape: BodyShape;
  /** The body as received; built on demand for internal callers that hand over message objects. */
  body: () => Buffer;
}

export interface QueuedMessage {
  message: PreparedMessage;
  /** Position in the request body. */
  index: number;
  request: QueuedRequest;
}

/**
 * The single writer of events and identities. It runs one batch at a time (the group-commit queue guarantees
 * that), so identity resolution never races: dedupe → resolve identities → append the batch to the ingest journal
 * (durable: the requests are answered now) → hand it to the applier, which moves it into the store.
 */
export class EventWriter {
  private readonly graph = new IdentityGraph(() => uuidv7());
  /** Every identity stored or staged: identifiers not in it are new without a lookup in the store. */
  readonly known = new KnownIdentities();
  /** The sequence number last given out, and the last one in a durable batch. */
  private lastSeq = 0;
  private durableSeq = 0;
  /** Set while the writer recovers from a failed journal write; new batches wait for it. */
  private recovering: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly dedupe: DedupeWindow,
    private readonly metrics: IngestMetrics,
    private readonly journal: JournalLog,
    private readonly applier: IngestApplier,
    private readonly now: () => Date,
    /** Told about each batch as soon as it is durable (before its requests are answered). */
    private readonly durable: (events: StoredMessage[]) => void,
    private readonly onIdentityScanError: (error: unknown) => void,
  ) {}

  /**
   * Continues the arrival sequence where the store left it; also after a restore, with a fresh identity cache.
   * The store holds every identity staged so far (after the journal replay, after a restore), so the set of known
   * identities is read again from it.
   */
  async start(): Promise<void> {
    this.graph.forget();
    this.known.rebuild((visit) => this.store.events.scanIdentities(visit), this.onIdentityScanError);
    this.lastSeq = await this.store.events.lastIngestSeq();
    this.durableSeq = this.lastSeq;
  }

  /**
   * Stages a batch: de-duplicates it, resolves its identities and starts appending it to the journal. Resolves
   * with each message's outcome and the promise that the batch is durable (then it is handed to the applier).
   */
  async write(batch: QueuedMessage[]): Promise<Staged<WriteOutcome>> {
    if (this.recovering) await this.recovering;
    const { outcomes, keys } = this.metrics.time('dedupe', () => this.markDuplicates(batch));
    const fresh = batch.filter((_, i) => outcomes[i] === 'stored');
    const freshKeys = keys.filter((_, i) => outcomes[i] === 'stored');
    if (fresh.length === 0) return { results: outcomes, durable: Promise.resolve() };
    const firstSeq = this.lastSeq + 1;
    const { events, plan } = await this.metrics.timeAsync('resolve_identity', () => this.resolve(fresh));
    const lastSeq = this.lastSeq;
    // Remembered now, not once durable: the next batch is staged while this one is flushed, and a retry of the
    // same message in it must count as a duplicate. Forgotten again if this batch fails.
    const at = this.now().getTime();
    for (const key of freshKeys) this.dedupe.add(key, at);
    const record = encodeIngestRecord(
      { firstSeq, lastSeq, plan, requests: recordedRequests(fresh, events) },
      [...new Set(fresh.map((q) => q.request))].map((r) => r.body()),
    );
    const durable = this.metrics
      .timeAsync('journal', () => this.journal.append(tagRecord(eventsKind, record)))
      .then(
        (segment) => {
          this.durableSeq = lastSeq;
          this.metrics.committed(fresh.length);
          this.durable(events);
          this.applier.push(ingestCommit(events, plan), segment);
        },
        (error: unknown) => {
          for (const key of freshKeys) this.dedupe.remove(key);
          this.recovering ??= this.recover();
          throw error;
        },
      );
    return { results: outcomes, durable };
  }

  /**
   * Appends another writer's record (kind and bytes) to the journal, in order with the event batches; durable once
   * this resolves. A failure is recovered from like a failed event batch.
   */
  async appendRecord(kind: string, parts: readonly Buffer[]): Promise<number> {
    if (this.recovering) await this.recovering;
    try {
      return await this.journal.append(tagRecord(kind, parts));
    } catch (error) {
      this.recovering ??= this.recover();
      throw error;
    }
  }

  /**
   * After a failed journal write nothing of that batch, nor of any batch staged after it, is durable (the journal
   * refuses further appends until reset). Once those have failed and the durable batches are in the store, the
   * identity cache is dropped (it learned identities that were never stored) and the sequence goes back.
   */
  private async recover(): Promise<void> {
    await this.journal.settled();
    await this.applier.drain();
    this.graph.forget();
    this.lastSeq = this.durableSeq;
    this.journal.reset();
    this.recovering = null;
  }

  /** Each message's outcome, and its dedupe key (remembered once the batch is staged). */
  private markDuplicates(batch: QueuedMessage[]): { outcomes: WriteOutcome[]; keys: MessageKey[] } {
    const inBatch = new FingerprintSet(batch.length * 2);
    const keys = batch.map(({ message: m }) => messageKey(m.workspaceId, m.messageId));
    const outcomes = keys.map((key) => (this.dedupe.has(key) || !inBatch.add(key) ? 'duplicate' : 'stored'));
    return { outcomes, keys };
  }

  private async resolve(queued: QueuedMessage[]) {
    // The cache may be dropped only while the store holds every identity it knows (nothing waits to be applied).
    this.graph.begin(this.applier.backlog === 0);
    const messages = queued.map((q) => q.message);
    const wanted = new Map(messages.flatMap(identityRefs).map((ref) => [identityKey(ref), ref]));
    const unknown = this.graph.unknown([...wanted.values()]).filter((ref) => this.known.mayExist(ref));
    if (unknown.length) {
      const { links, userIdsByProfile } = await this.store.events.lookupIdentities(unknown);
      this.graph.learn(links, userIdsByProfile);
    }
    for (const m of messages) {
      m.profileId = this.graph.resolve({
        workspaceId: m.workspaceId,
        userId: m.userId,
        anonymousId: m.anonymousId,
        previousId: m.previousId,
        extra: m.identities,
      });
      m.ingestSeq = ++this.lastSeq;
      fillRow(m.row, m.workspaceId, m.profileId, m.ingestSeq);
    }
    const events: StoredMessage[] = messages;
    const plan = this.graph.takePlan();
    for (const identity of plan.newIdentities) this.known.add(identity);
    return { events, plan };
  }
}

/** Per request of the batch (in order): the stored messages' body positions and profiles. */
function recordedRequests(fresh: QueuedMessage[], events: StoredMessage[]): RecordedRequest[] {
  const byRequest = new Map<QueuedRequest, RecordedRequest>();
  fresh.forEach((q, i) => {
    let recorded = byRequest.get(q.request);
    if (!recorded) {
      const { facts } = q.request;
      recorded = {
        workspaceId: facts.workspaceId,
        receivedAt: facts.receivedAt.getTime(),
        requestIp: facts.requestIp,
        requestUserAgent: facts.requestUserAgent,
        typeFromPath: q.request.typeFromPath,
        shape: q.request.shape,
        key: facts.requestKey,
        stored: [],
      };
      byRequest.set(q.request, recorded);
    }
    recorded.stored.push([q.index, (events[i] as StoredMessage).profileId]);
  });
  return [...byRequest.values()];
}
