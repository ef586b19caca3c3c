import type { IpMode } from './steps/pseudonymise-ip.js';

/** How an Ingestor is set up: bounds, where its journal lives, and whom it tells about trouble. */
export interface IngestOptions {
  ipMode: IpMode;
  maxPendingMessages: number;
  maxBatchMessages: number;
  dedupeWindowHours: number;
  dedupeMaxEntries: number;
  /** Where the ingest journal lives (one directory per store). */
  journalDir: string;
  /** Journaled events not yet in the store; above it ingestion answers 503 + Retry-After. */
  maxUnappliedEvents: number;
  /** Events per store transaction when the applier catches up. */
  maxEventsPerApply: number;
  /** Worker threads that prepare request bodies (0: on the event loop). */
  prepareWorkers: number;
  /** Told about store transactions that failed and are retried. */
  onApplyError?: (error: unknown, attempt: number) => void;
  /**
   * Told when the store refused the data of a commit, which was then set aside into `file` (see
   * journal/set-aside.ts) so that the commits after it could be stored.
   */
  onSetAside?: (setAside: { file: string; events: number; reason: string; planStored: boolean }) => void;
  /** Told when reading the stored identities failed (new identifiers are then looked up in the store). */
  onIdentityScanError?: (error: unknown) => void;
}
