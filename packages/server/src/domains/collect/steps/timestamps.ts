import { instantOf, isoInstant, storable } from '../../../instants.js';

/**
 * Event time with clock-skew correction, as the Segment spec defines it
 * (https://segment.com/docs/connections/spec/common/#timestamps):
 * an explicit `timestamp` is trusted as is (server libraries, historical imports); otherwise
 * timestamp = receivedAt − (sentAt − originalTimestamp), which cancels the device clock's offset.
 * The result is always an instant the store keeps: a correction that would leave that range (a device clock set
 * thousands of years off) is not made, and a time that cannot be read (validation rejects those; a journal written
 * by an older version may hold one) gives way to receivedAt.
 */
export function correctedTimestamp(
  message: { timestamp?: string; originalTimestamp?: string; sentAt?: string },
  batchSentAt: string | undefined,
  receivedAt: Date,
): string {
  if (message.timestamp) return isoInstant(message.timestamp) ?? receivedAt.toISOString();
  const sentAt = message.sentAt ?? batchSentAt;
  // The common case of a batch sent as soon as it was made: no skew to correct, and no dates to parse.
  if (message.originalTimestamp && sentAt === message.originalTimestamp) return receivedAt.toISOString();
  const original = message.originalTimestamp ? instantOf(message.originalTimestamp) : null;
  if (original === null) return receivedAt.toISOString();
  const sent = sentAt ? instantOf(sentAt) : null;
  if (sent !== null) {
    const corrected = receivedAt.getTime() - (sent - original);
    if (storable(corrected)) return new Date(corrected).toISOString();
  }
  return new Date(original).toISOString();
}
