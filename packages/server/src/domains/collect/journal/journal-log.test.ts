import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalLog } from './journal-log.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cairn-journal-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const text = (records: { payload: Buffer }[]) => records.map((r) => r.payload.toString());
const segments = async () => (await readdir(dir)).filter((f) => f.endsWith('.journal')).sort();

describe('ingest journal log', () => {
  it('gives back every appended record in order after reopening, each written in parts', async () => {
    const { log, records } = await JournalLog.open(dir);
    expect(records).toEqual([]);
    await log.append([Buffer.from('one')]);
    await log.append([Buffer.from('tw'), Buffer.from('o'), Buffer.alloc(0)]);
    await log.append([Buffer.from('é ✓')]);
    await log.close();
    const again = await JournalLog.open(dir);
    expect(text(again.records)).toEqual(['one', 'two', 'é ✓']);
    await again.log.close();
  });

  it('drops a torn last frame (a write cut off by a crash) and keeps appending after it', async () => {
    const { log } = await JournalLog.open(dir);
    await log.append([Buffer.from('kept')]);
    await log.close();
    const [segment] = await segments();
    const file = path.join(dir, segment as string);
    const intact = (await readFile(file)).length;
    // A frame header announcing 100 bytes, followed by only 3 of them.
    const header = Buffer.alloc(8);
    header.writeUInt32LE(100, 0);
    await appendFile(file, Buffer.concat([header, Buffer.from('abc')]));
    const reopened = await JournalLog.open(dir);
    expect(text(reopened.records)).toEqual(['kept']);
    expect((await readFile(file)).length).toBe(intact);
    await reopened.log.append([Buffer.from('after')]);
    await reopened.log.close();
    expect(text((await JournalLog.open(dir)).records)).toEqual(['kept', 'after']);
  });

  it('refuses to open when a frame before the last segment does not match its checksum', async () => {
    const first = await JournalLog.open(dir, { maxSegmentBytes: 1 });
    await first.log.append([Buffer.from('aaaa')]);
    await first.log.append([Buffer.from('bbbb')]);
    await first.log.close();
    const [older] = await segments();
    const file = path.join(dir, older as string);
    const bytes = await readFile(file);
    bytes[bytes.length - 1] = 'x'.charCodeAt(0);
    await writeFile(file, bytes);
    await expect(JournalLog.open(dir)).rejects.toThrow(/damaged/);
  });

  it('starts new segments past the size limit and deletes the ones released', async () => {
    const { log } = await JournalLog.open(dir, { maxSegmentBytes: 10 });
    const first = await log.append([Buffer.from('0123456789')]);
    const second = await log.append([Buffer.from('x')]);
    const third = await log.append([Buffer.from('y')]);
    expect(second).toBeGreaterThan(first);
    expect(third).toBe(second);
    expect(await segments()).toHaveLength(2);
    await log.release(second);
    expect(await segments()).toHaveLength(1);
    await log.clear();
    expect(await segments()).toEqual([]);
    await log.close();
  });

  it('fails the appends queued behind a failed write until reset', async () => {
    const { log } = await JournalLog.open(dir);
    await log.append([Buffer.from('ok')]);
    // A record too large for the frame's length field makes the write fail.
    const tooLarge = { length: 2 ** 32 } as Buffer;
    const failed = log.append([tooLarge]);
    const behind = log.append([Buffer.from('assumed the one before succeeded')]);
    await expect(failed).rejects.toThrow();
    await expect(behind).rejects.toThrow(/earlier ingest journal write failed/);
    await log.settled();
    log.reset();
    await log.append([Buffer.from('after reset')]);
    await log.close();
    expect(text((await JournalLog.open(dir)).records)).toEqual(['ok', 'after reset']);
  });
});
