import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackgroundCheckpoint } from './background-checkpoint.js';
import { DuckDbDatabase } from './database.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cairn-checkpoint-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const until = async (condition: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 400; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('BackgroundCheckpoint', () => {
  it('checkpoints only once the log reached its size, one at a time, and survives a failing checkpoint', async () => {
    const walFile = path.join(dir, 'x.wal');
    let calls = 0;
    let running = 0;
    let overlapped = false;
    const background = new BackgroundCheckpoint({ walFile, walBytes: 1000, everyMs: 5 }, async () => {
      calls++;
      running++;
      if (running > 1) overlapped = true;
      await new Promise((resolve) => setTimeout(resolve, 30));
      running--;
      if (calls === 1) throw new Error('store is being swapped');
    });
    background.start();
    await writeFile(walFile, 'x'.repeat(999));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toBe(0);
    await writeFile(walFile, 'x'.repeat(1000));
    await until(async () => calls >= 2, 'a second checkpoint after the failed first');
    background.stop();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toBe(after);
    expect(overlapped).toBe(false);
  });
});

describe('DuckDbDatabase background checkpoints', () => {
  it('folds the write-ahead log into the file while writes go on, and keeps every row', async () => {
    const file = path.join(dir, 'c.duckdb');
    const database = await DuckDbDatabase.open(file, 1, 64 * 1024);
    await database.autocommit.run('CREATE TABLE t (i INTEGER, s VARCHAR)');
    let rows = 0;
    let walWasLarge = false;
    for (let batch = 0; batch < 40; batch++) {
      await database.transaction(async (tx) => {
        await tx.run("INSERT INTO t SELECT range + $1, repeat('x', 200) FROM range(500)", [rows]);
      });
      rows += 500;
      const wal = await stat(`${file}.wal`).catch(() => null);
      if (wal && wal.size >= 64 * 1024) walWasLarge = true;
    }
    expect(walWasLarge).toBe(true);
    // DuckDB's own threshold is only a safety net now, so a small log shrinks only through the background checkpoint.
    await until(
      async () => ((await stat(`${file}.wal`).catch(() => null))?.size ?? 0) < 64 * 1024,
      'the background checkpoint',
    );
    const [count] = await database.autocommit.all(
      'SELECT count(*)::INTEGER AS n, count(DISTINCT i)::INTEGER AS d FROM t',
    );
    expect(count).toEqual({ n: rows, d: rows });
    await database.close();
    const reopened = await DuckDbDatabase.open(file, 1);
    expect(await reopened.autocommit.all('SELECT count(*)::INTEGER AS n FROM t')).toEqual([{ n: rows }]);
    await reopened.close();
  });
});
