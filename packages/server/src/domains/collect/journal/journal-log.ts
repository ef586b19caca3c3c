import { closeSync, fsyncSync, openSync } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, readFile, rm, truncate } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * An append-only log of records on local disk, in numbered segment files. A record is durable once `append`
 * resolves: it is written and the file's data flushed with fdatasync (the directory too, when a segment is new).
 *
 * Frame layout (little endian): u32 payload length, u32 CRC-32 of the payload, payload. A crash can leave the last
 * frame of the last segment half written; opening the log drops such a torn tail (it was never acknowledged,
 * because `append` had not resolved). A bad frame anywhere else is corruption and refuses to open.
 */
const frameHeaderBytes = 8;
const segmentSuffix = '.journal';

export interface JournalRecord {
  /** The segment the record lives in; pass it to `release` once the record is no longer needed. */
  segment: number;
  payload: Buffer;
}

const segmentName = (n: number) => `${String(n).padStart(12, '0')}${segmentSuffix}`;

function frame(parts: readonly Buffer[]): Buffer[] {
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  let checksum = 0;
  for (const part of parts) checksum = crc32(part, checksum);
  const header = Buffer.alloc(frameHeaderBytes);
  header.writeUInt32LE(length, 0);
  header.writeUInt32LE(checksum >>> 0, 4);
  return [header, ...parts];
}

/** Frames of one segment's bytes; `end` is where the intact part ends (short of the length on a torn tail). */
function readFrames(bytes: Buffer, segment: number): { records: JournalRecord[]; end: number } {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset + frameHeaderBytes <= bytes.length) {
    const length = bytes.readUInt32LE(offset);
    const checksum = bytes.readUInt32LE(offset + 4);
    const start = offset + frameHeaderBytes;
    if (start + length > bytes.length) break;
    const payload = bytes.subarray(start, start + length);
    if (crc32(payload) >>> 0 !== checksum) break;
    records.push({ segment, payload });
    offset = start + length;
  }
  return { records, end: offset };
}

export class JournalLog {
  private handle: FileHandle | null = null;
  private segment: number;
  private segmentBytes = 0;
  private tail: Promise<unknown> = Promise.resolve();
  /** Set by a failed write: later appends were made assuming it succeeded, so they fail too until reset. */
  private broken: Error | null = null;

  private constructor(
    private readonly dir: string,
    private readonly maxSegmentBytes: number,
    lastSegment: number,
  ) {
    this.segment = lastSegment;
  }

  /**
   * Opens the log in `dir` (created if missing) and returns every intact record in append order. New records go
   * to a fresh segment, so the ones read here stay untouched until released.
   */
  static async open(
    dir: string,
    options: { maxSegmentBytes?: number } = {},
  ): Promise<{ log: JournalLog; records: JournalRecord[] }> {
    await mkdir(dir, { recursive: true });
    const segments = (await readdir(dir))
      .filter((name) => name.endsWith(segmentSuffix))
      .map((name) => Number.parseInt(name, 10))
      .filter((n) => Number.isSafeInteger(n))
      .sort((a, b) => a - b);
    const records: JournalRecord[] = [];
    for (const [i, n] of segments.entries()) {
      const file = path.join(dir, segmentName(n));
      const bytes = await readFile(file);
      const read = readFrames(bytes, n);
      if (read.end < bytes.length) {
        if (i < segments.length - 1) {
          throw new Error(`The ingest journal segment ${file} is damaged at byte ${read.end}.`);
        }
        // The torn tail of the last write before a crash: never acknowledged, so it is dropped.
        await truncate(file, read.end);
      }
      records.push(...read.records);
    }
    const log = new JournalLog(dir, options.maxSegmentBytes ?? 64 * 1024 * 1024, segments.at(-1) ?? 0);
    return { log, records };
  }

  /** Appends one record and resolves once it is on disk. Appends are written in call order. */
  append(parts: readonly Buffer[]): Promise<number> {
    const result = this.tail.then(() => this.write(parts));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every append made so far has finished (written or failed). */
  async settled(): Promise<void> {
    await this.tail;
  }

  /** Accepts appends again after a failed write (the writer has recovered from it). */
  reset(): void {
    this.broken = null;
  }

  /** Deletes every segment before `segment`: the caller no longer needs any record in them. */
  async release(segment: number): Promise<void> {
    const names = await readdir(this.dir);
    for (const name of names) {
      const n = Number.parseInt(name, 10);
      const open = this.handle !== null && n === this.segment;
      if (name.endsWith(segmentSuffix) && n < segment && !open) {
        await rm(path.join(this.dir, name), { force: true });
      }
    }
  }

  /** Deletes every record, the open segment included (after a restore replaced the data they belong to). */
  async clear(): Promise<void> {
    await this.tail;
    await this.handle?.close();
    this.handle = null;
    await this.release(Number.POSITIVE_INFINITY);
  }

  async close(): Promise<void> {
    await this.tail;
    await this.handle?.close();
    this.handle = null;
  }

  private async write(parts: readonly Buffer[]): Promise<number> {
    if (this.broken) throw new Error('An earlier ingest journal write failed.', { cause: this.broken });
    try {
      if (!this.handle || this.segmentBytes >= this.maxSegmentBytes) await this.rotate();
      const handle = this.handle as FileHandle;
      const framed = frame(parts);
      const bytes = framed.reduce((sum, p) => sum + p.length, 0);
      try {
        const { bytesWritten } = await handle.writev(framed);
        if (bytesWritten !== bytes) throw new Error('The ingest journal could not write a whole record.');
        await handle.datasync();
      } catch (error) {
        // Cut a partly written frame off again, so records appended later are not hidden behind it.
        await handle.truncate(this.segmentBytes).catch(() => undefined);
        throw error;
      }
      this.segmentBytes += bytes;
      return this.segment;
    } catch (error) {
      this.broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  private async rotate(): Promise<void> {
    await this.handle?.close();
    this.segment += 1;
    this.handle = await open(path.join(this.dir, segmentName(this.segment)), 'a');
    this.segmentBytes = 0;
    // The new file's directory entry must be durable too, or a crash could lose the whole segment.
    const dirFd = openSync(this.dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
}
