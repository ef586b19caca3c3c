import path from 'node:path';
import { openDuckDbStore, storeFileName } from '../store/duckdb/store.js';
import type { Store } from '../store/port.js';

export const storeFilePath = (dataDir: string): string => path.join(dataDir, storeFileName);

/** DuckDB lets one process open a file for writing; a second one gets this instead of a driver message. */
export class StoreLockedError extends Error {
  constructor(readonly file: string) {
    super(
      `another Cairn process is using ${file}. Stop it first, or run the command while it is running ` +
        'so the CLI talks to it.',
    );
    this.name = 'StoreLockedError';
  }
}

/** Opens the store of a data directory, turning DuckDB's lock conflict into StoreLockedError. */
export async function openStoreIn(dataDir: string): Promise<Store> {
  const file = storeFilePath(dataDir);
  try {
    return await openDuckDbStore(file);
  } catch (error) {
    if (/Could not set lock on file/i.test(String((error as Error).message)))
      throw new StoreLockedError(file);
    throw error;
  }
}
