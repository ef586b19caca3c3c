/**
 * Event time with clock-skew correction, as the Segment spec defines it
 * (https://segment.com/docs/connections/spec/common/#timestamps):
 * an explicit `timestamp` is trusted as is (server libraries, historical imports); otherwise
 * timestamp = receivedAt − (sentAt − originalTimestamp), which cancels the device clock's offset.
 */
export function correctedTimestamp(
  message: { timestamp?: string; originalTimestamp?: string; sentAt?: string },
  batchSentAt: string | undefined,
  receivedAt: Date,
): string {
  if (message.timestamp) return new Date(message.timestamp).toISOString();
  const sentAt = message.sentAt ?? batchSentAt;
  // The common case of a batch sent as soon as it was made: no skew to correct, and no dates to parse.
  if (message.originalTimestamp && sentAt === message.originalTimestamp) return receivedAt.toISOString();
  if (message.originalTimestamp && sentAt) {
    const skew = Date.parse(sentAt) - Date.parse(message.originalTimestamp);
    if (Number.isFinite(skew)) return new Date(receivedAt.getTime() - skew).toISOString();
  }
  if (message.originalTimestamp) return new Date(message.originalTimestamp).toISOString();
  return receivedAt.toISOString();
}
