/**
 * The part of the storage port that holds what customers do: events, the identity graph and profiles.
 * Kept apart from the operational repositories because it is the part a ClickHouse adapter would take over.
 */

import type {
  IdentityKind,
  IdentityLink,
  IdentityRef,
  ResolutionPlan,
} from '../domains/collect/identity/identity-graph.js';
import type { PreparedMessage } from '../domains/collect/prepared-message.js';
import type { Page } from './port.js';

export interface TraitObservation {
  workspaceId: string;
  profileId: string;
  trait: string;
  value: unknown;
  observedAt: string;
  messageId: string;
}

export interface GroupObservation {
  workspaceId: string;
  groupId: string;
  profileId: string;
  traits: Record<string, unknown>;
  observedAt: string;
}

export interface IngestCommit {
  /**
   * The events, in arrival order (ingestSeq increasing). Each carries its complete row for the events table as one
   * newline-delimited JSON line with the table's column names (`row`, see domains/collect/prepare/event-rows.ts).
   */
  events: PreparedMessage[];
  plan: ResolutionPlan;
  traits: TraitObservation[];
  groups: GroupObservation[];
}

/**
 * Thrown by an EventStore that refuses the data of a commit itself (a value it cannot hold), as opposed to failing
 * for a reason of its own (disk, memory): storing the same data again cannot succeed.
 */
export class RefusedDataError extends Error {
  override readonly name = 'RefusedDataError';
}

export interface EventStore {
  /** Loads the given identities and the userIds of the profiles they belong to. */
  lookupIdentities(
    refs: IdentityRef[],
  ): Promise<{ links: IdentityLink[]; userIdsByProfile: Map<string, string[]> }>;
  /**
   * Hands every stored identity (workspace, kind, value) to `visit`, a chunk at a time, from one consistent
   * snapshot; the chunk arrays are the visitor's to keep. Fails if the store is closed or restored meanwhile.
   */
  scanIdentities(visit: (chunk: IdentityRef[]) => void | Promise<void>): Promise<void>;
  /**
   * Stores a resolved batch atomically: profiles, identities, merges, traits, groups and events. Throws
   * RefusedDataError when it cannot hold the data itself.
   */
  commitIngest(batch: IngestCommit): Promise<void>;
  /** Workspace and messageId of events received since `since`, newest first, for the dedupe window. */
  recentMessageKeys(since: string, limit: number): Promise<{ workspaceId: string; messageId: string }[]>;
  /** The highest ingestSeq stored, or 0. */
  lastIngestSeq(): Promise<number>;
}

export interface ProfileRecord {
  id: string;
  workspaceId: string;
  createdAt: string;
  mergedInto: string | null;
}

export interface StoredEvent {
  messageId: string;
  type: string;
  event: string | null;
  profileId: string;
  anonymousId: string | null;
  userId: string | null;
  channel: string;
  timestamp: string;
  receivedAt: string;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
  page: { url: string | null; path: string | null; title: string | null; referrer: string | null };
  device: { browser: string | null; os: string | null; type: string | null };
}

export interface ProfileFacts {
  firstSeen: string | null;
  lastSeen: string | null;
  eventCount: number;
  channels: { channel: string; events: number }[];
  orders: number;
  /** Sum of `revenue` (or `total`) of Order Completed events, in the currency's major units as sent. */
  revenue: number;
  currencies: string[];
}

export interface ProfileSearch {
  workspaceId: string;
  /** Matches identifiers and trait values, case-insensitively. */
  text?: string | undefined;
  /** Exact current-trait matches (trait name → value as text). */
  traits?: Record<string, string> | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface ProfileRepo {
  findByIdentity(workspaceId: string, kind: IdentityKind, value: string): Promise<string | null>;
  get(workspaceId: string, id: string): Promise<ProfileRecord | null>;
  /** The profile and every profile merged into it. */
  memberIds(workspaceId: string, id: string): Promise<string[]>;
  identities(
    workspaceId: string,
    ids: string[],
  ): Promise<{ kind: string; value: string; createdAt: string }[]>;
  /** Latest value of each trait by event time (last write wins), with when it was observed. */
  currentTraits(
    workspaceId: string,
    ids: string[],
  ): Promise<Record<string, { value: unknown; observedAt: string }>>;
  traitHistory(workspaceId: string, ids: string[], limit: number): Promise<TraitObservation[]>;
  groups(workspaceId: string, ids: string[]): Promise<{ groupId: string; traits: Record<string, unknown> }[]>;
  facts(workspaceId: string, ids: string[]): Promise<ProfileFacts>;
  timeline(
    workspaceId: string,
    ids: string[],
    opts: { limit: number; cursor?: string | undefined },
  ): Promise<Page<StoredEvent>>;
  search(query: ProfileSearch): Promise<Page<{ id: string; createdAt: string }>>;
}
