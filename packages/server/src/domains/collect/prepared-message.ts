import type { Channel, MessageType } from '@cairn/protocol';

/** A message after validation, normalisation and enrichment: everything the writer needs, nothing it must compute. */
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
  originalTimestamp: string | null;
  sentAt: string | null;
  receivedAt: string;
  properties: Record<string, unknown>;
  /** identify and group traits (and context.traits for other types). */
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
  ip: string | null;
  userAgent: { browser: string | null; os: string | null; device: string | null };
  page: { url: string | null; path: string | null; referrer: string | null; title: string | null };
  campaign: { source: string | null; medium: string | null; name: string | null };
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
