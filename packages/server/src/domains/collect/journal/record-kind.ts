/**
 * Journal records of different writers share one log (so they are applied in the order they were acknowledged):
 * each record starts with its kind, one length byte and the kind's name, then the writer's own bytes.
 */
export function tagRecord(kind: string, parts: readonly Buffer[]): Buffer[] {
  const name = Buffer.from(kind);
  if (name.length === 0 || name.length > 255) throw new Error(`invalid journal record kind ${kind}`);
  return [Buffer.from([name.length]), name, ...parts];
}

export function untagRecord(payload: Buffer): { kind: string; body: Buffer } {
  const length = payload[0] ?? 0;
  return { kind: payload.subarray(1, 1 + length).toString(), body: payload.subarray(1 + length) };
}

/** The kind of the ingestion pipeline's own records (event batches). */
export const eventsKind = 'events';
