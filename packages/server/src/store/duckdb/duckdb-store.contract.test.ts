import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { describeStoreContract } from '../contract/describe-store-contract.js';
import { openDuckDbStore } from './store.js';

const directories: string[] = [];
afterAll(async () => {
  for (const dir of directories) await rm(dir, { recursive: true, force: true });
});

describeStoreContract('duckdb', async (seed) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cairn-duckdb-contract-'));
  directories.push(dir);
  const file = path.join(dir, 'cairn.duckdb');
  // A backup is a DuckDB file: opening a copy of it is how an operator would use one.
  if (seed) await copyFile(seed.backupFile, file);
  const store = await openDuckDbStore(file);
  await store.migrate();
  return store;
});
