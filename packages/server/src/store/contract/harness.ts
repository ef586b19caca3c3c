import type { Store } from '../port.js';

/** Opens a fresh, migrated, empty store; with `backupFile`, a store holding that backup (from Store.backupTo). */
export type OpenStore = (seed?: { backupFile: string }) => Promise<Store>;

export interface ContractHarness {
  /** A fresh, migrated, empty store, closed after the case. */
  store: Store;
  /** Opens the backup `file` as a store, closed after the case. */
  openBackup(file: string): Promise<Store>;
  /** An empty directory for files the case writes, removed after the case. */
  scratchDir: string;
}

/** One behaviour every adapter must show. Names are stable: adapters skip cases by name. */
export interface ContractCase {
  name: string;
  run(h: ContractHarness): Promise<void>;
}
