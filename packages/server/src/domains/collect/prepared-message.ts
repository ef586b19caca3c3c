import type { Channel, MessageType } from '@cairn/protocol';
import type { IdentityKind } from './identity/identity-graph.js';

/**
 * A message after validation, normalisation and enrichment: what the writer, identity resolution and after-commit
 * reactions read, plus the event's row for the store already encoded (see `row`). Plain data, so it can be made
 * in a worker thread and handed over.
 */
export interface PreparedMessage {
  workspaceId: string;
  messageId: string;
  type: MessageType;
  /** Track event name, page/screen name, or null. */
  event: string | null;
  anonymousId: string | null;
  userId: string | null;
  /** alias: the id being linked to userId. */
  previousId: string | null;
  groupId: string | null;
  channel: Channel;
  /** Event time after clock-skew correction, ISO UTC. */
  timestamp: string;
  receivedAt: string;
  /** identify and group traits (and context.traits for other types). */
  traits: Record<string, unknown>;
  /** Attach-only identifiers the message carries: traits.email, traits.phone, context.externalIds. */
  identities: { kind: IdentityKind; value: string }[];
  pageUrl: string | null;
  /** Decided by the writer (identity resolution): '' until then. */
  profileId: string;
  /** Arrival order across the store, decided by the writer: 0 until then. */
  ingestSeq: number;
  /**
   * The event as one newline-delimited JSON row with the events table's column names (prepare/event-rows.ts);
   * the writer fills its workspace, profile and sequence in place.
   */
  row: Uint8Array;
}

/** Why a message was not stored. A closed union so dashboards and metrics can count every case. */
export type DropReason = 'invalid_message' | 'message_too_large' | 'duplicate';

export interface Rejection {
  index: number;
  reason: DropReason;
  code: 'CAIRN_INVALID_MESSAGE' | 'CAIRN_MESSAGE_TOO_LARGE';
  message: string;
}

/** What a step returns: the message to pass on, or a typed rejection. */
export type StepResult<T> = { ok: true; value: T } | { ok: false; reason: DropReason; message: string };
