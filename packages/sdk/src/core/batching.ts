const utf8 = new TextEncoder();

/** Size of the JSON text on the wire; Segment's limits count bytes, not UTF-16 code units. */
export function jsonByteLength(value: unknown): number {
  return utf8.encode(JSON.stringify(value)).length;
}

/** Bytes of `{"batch":[],"sentAt":"…","writeKey":"…"}` around the messages of one request. */
export function envelopeOverheadBytes(writeKey: string): number {
  return jsonByteLength({ batch: [], sentAt: new Date(0).toISOString(), writeKey });
}

/**
 * Greedy, order-preserving split so every request body stays within `maxBytes` (500 KB per batch in the Segment
 * spec; 60 KB for `sendBeacon`). Counts one comma between messages. An item that alone exceeds the budget still
 * gets its own batch: dropping is the job of the per-message 32 KB check, which runs before anything is queued.
 */
export function splitIntoBatches<T extends { bytes: number }>(
  items: readonly T[],
  maxBytes: number,
  overheadBytes: number,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = overheadBytes;
  for (const item of items) {
    const separator = current.length > 0 ? 1 : 0;
    if (current.length > 0 && size + separator + item.bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = overheadBytes;
    }
    size += (current.length > 0 ? 1 : 0) + item.bytes;
    current.push(item);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
