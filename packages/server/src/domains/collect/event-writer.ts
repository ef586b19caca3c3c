import { uuidv7 } from 'uuidv7';
import type { GroupObservation, IngestCommit, TraitObservation } from '../../store/collect-port.js';
import type { Store } from '../../store/port.js';
import { DedupeWindow } from './dedupe-window.js';
import { IdentityGraph, identityKey } from './identity/identity-graph.js';
import { extraIdentities, identityRefs } from './identity/message-identities.js';
import type { IngestMetrics } from './ingest-metrics.js';
import type { PreparedMessage } from './prepared-message.js';

export type WriteOutcome = 'stored' | 'duplicate';
export type StoredMessage = PreparedMessage & { profileId: string; ingestSeq: number };

/**
 * The single writer of events and identities. It runs one batch at a time (the group-commit queue guarantees
 * that), so identity resolution never races and DuckDB never sees two transactions update the same profile.
 */
export class EventWriter {
  private readonly graph = new IdentityGraph(() => uuidv7());
  private lastSeq = 0;

  constructor(
    private readonly store: Store,
    private readonly dedupe: DedupeWindow,
    private readonly metrics: IngestMetrics,
    private readonly now: () => Date,
  ) {}

  /** Continues the arrival sequence where the store left it; also after a restore, with a fresh identity cache. */
  async start(): Promise<void> {
    this.graph.forget();
    this.lastSeq = await this.store.events.lastIngestSeq();
  }

  async write(batch: PreparedMessage[]): Promise<{ outcomes: WriteOutcome[]; stored: StoredMessage[] }> {
    const outcomes = this.metrics.time('dedupe', () => this.markDuplicates(batch));
    const fresh = batch.filter((_, i) => outcomes[i] === 'stored');
    const commit = await this.metrics.timeAsync('resolve_identity', () => this.resolve(fresh));
    try {
      await this.metrics.timeAsync('persist', () => this.store.events.commitIngest(commit));
    } catch (error) {
      this.graph.forget();
      this.lastSeq = await this.store.events.lastIngestSeq().catch(() => this.lastSeq);
      throw error;
    }
    const at = this.now().getTime();
    for (const m of fresh) this.dedupe.add(DedupeWindow.key(m.workspaceId, m.messageId), at);
    this.metrics.committed(fresh.length);
    return { outcomes, stored: commit.events };
  }

  private markDuplicates(batch: PreparedMessage[]): WriteOutcome[] {
    const inBatch = new Set<string>();
    return batch.map((m) => {
      const key = DedupeWindow.key(m.workspaceId, m.messageId);
      if (this.dedupe.has(key) || inBatch.has(key)) return 'duplicate';
      inBatch.add(key);
      return 'stored';
    });
  }

  private async resolve(messages: PreparedMessage[]): Promise<IngestCommit> {
    this.graph.begin();
    const wanted = new Map(messages.flatMap(identityRefs).map((ref) => [identityKey(ref), ref]));
    const unknown = this.graph.unknown([...wanted.values()]);
    if (unknown.length) {
      const { links, userIdsByProfile } = await this.store.events.lookupIdentities(unknown);
      this.graph.learn(links, userIdsByProfile);
    }
    const events: StoredMessage[] = [];
    const traits: TraitObservation[] = [];
    const groups: GroupObservation[] = [];
    for (const m of messages) {
      const profileId = this.graph.resolve({
        workspaceId: m.workspaceId,
        userId: m.userId,
        anonymousId: m.anonymousId,
        previousId: m.previousId,
        extra: extraIdentities(m),
      });
      events.push({ ...m, profileId, ingestSeq: ++this.lastSeq });
      if (m.type === 'identify') {
        for (const [trait, value] of Object.entries(m.traits).slice(0, 200)) {
          traits.push({
            workspaceId: m.workspaceId,
            profileId,
            trait,
            value,
            observedAt: m.timestamp,
            messageId: m.messageId,
          });
        }
      }
      if (m.type === 'group' && m.groupId) {
        groups.push({
          workspaceId: m.workspaceId,
          groupId: m.groupId,
          profileId,
          traits: m.traits,
          observedAt: m.timestamp,
        });
      }
    }
    return { events, plan: this.graph.takePlan(), traits, groups };
  }
}
