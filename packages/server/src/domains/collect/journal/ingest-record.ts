import type { MessageType } from '@cairn/protocol';
import type { ResolutionPlan } from '../identity/identity-graph.js';

/**
 * What the ingest journal keeps of one group commit: the request bodies exactly as received (no re-encoding on the
 * hot path: the bytes are already there) and what ingestion decided about them — which messages were stored, in
 * which order (their ingest_seq), with which profile, and the identity plan. Replaying a record after a crash
 * parses and prepares the bodies again with the recorded request facts and applies the recorded decisions, so the
 * store ends up as if the commit had been applied before the crash.
 */

/** How a body holds its messages: a Segment batch (`{ batch, sentAt, context }`), one message, or a JSON array. */
export type BodyShape = 'batch' | 'single' | 'list';

export interface RecordedRequest {
  workspaceId: string;
  /** receivedAt, epoch milliseconds. */
  receivedAt: number;
  requestIp: string | null;
  requestUserAgent: string | null;
  /** The message type a single-message route implies (/v1/track …). */
  typeFromPath: MessageType | null;
  shape: BodyShape;
  /** Names messages that came without a messageId: `<key>:<index>` (see steps/prepare.ts). */
  key: string;
  /** Stored messages in ingest order: [index in the body, profile id]. */
  stored: [number, string][];
}

export interface IngestRecord {
  /** ingest_seq of the first stored message; the rest follow in order. */
  firstSeq: number;
  lastSeq: number;
  plan: ResolutionPlan;
  requests: RecordedRequest[];
}

interface Header extends IngestRecord {
  /** Byte length of each request's body, in order. */
  bodyBytes: number[];
}

/** The record as buffers to write one after the other: header length, header JSON, then every body. */
export function encodeIngestRecord(record: IngestRecord, bodies: readonly Buffer[]): Buffer[] {
  const header: Header = { ...record, bodyBytes: bodies.map((b) => b.length) };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  return [length, json, ...bodies];
}

export function decodeIngestRecord(payload: Buffer): { record: IngestRecord; bodies: Buffer[] } {
  const headerBytes = payload.readUInt32LE(0);
  const { bodyBytes, ...record } = JSON.parse(
    payload.subarray(4, 4 + headerBytes).toString('utf8'),
  ) as Header;
  const bodies: Buffer[] = [];
  let offset = 4 + headerBytes;
  for (const bytes of bodyBytes) {
    bodies.push(payload.subarray(offset, offset + bytes));
    offset += bytes;
  }
  return { record, bodies };
}
