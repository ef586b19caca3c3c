import { isStorableInstant } from '../../../instants.js';
import type { BodyShape } from './ingest-record.js';

export interface BodyMessages {
  messages: unknown[];
  /**
   * A batch's `sentAt`, the clock-skew reference of messages without their own. One outside the instants the store
   * keeps counts as absent: it only corrects clocks, and no message should be refused for it.
   */
  batchSentAt: string | undefined;
  /** A batch's `context`, merged under each message's own (the Segment batch API allows it). */
  batchContext: Record<string, unknown> | undefined;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** The messages a parsed request body holds: the one reading of a body, for live requests and journal replay. */
export function messagesOfBody(shape: BodyShape, body: unknown): BodyMessages {
  if (shape === 'list')
    return { messages: body as unknown[], batchSentAt: undefined, batchContext: undefined };
  const object = record(body) ?? {};
  if (shape === 'single') return { messages: [object], batchSentAt: undefined, batchContext: undefined };
  return {
    messages: Array.isArray(object.batch) ? object.batch : [],
    batchSentAt:
      typeof object.sentAt === 'string' && isStorableInstant(object.sentAt) ? object.sentAt : undefined,
    batchContext: record(object.context),
  };
}
