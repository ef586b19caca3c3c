import path from 'node:path';
import type { IngestOptions } from '../domains/collect/ingest-options.js';
import type { EventStore } from '../store/collect-port.js';
import type { Store } from '../store/port.js';

/** Ingestor options for in-process tests: small bounds, no worker threads, the journal inside `dir`. */
export const testIngestOptions = (dir: string, overrides: Partial<IngestOptions> = {}): IngestOptions => ({
  ipMode: 'truncate',
  maxPendingMessages: 10_000,
  maxBatchMessages: 1_000,
  dedupeWindowHours: 24,
  dedupeMaxEntries: 100_000,
  journalDir: path.join(dir, 'ingest-journal'),
  maxUnappliedEvents: 10_000,
  maxEventsPerApply: 1_000,
  prepareWorkers: 0,
  ...overrides,
});

/** The same store, with some of its event-store methods replaced (to record, fail or hang). */
export function withEventStore(store: Store, replaced: Partial<EventStore>): Store {
  const events = new Proxy(store.events, {
    get: (target, key) =>
      Object.hasOwn(replaced, key) ? replaced[key as keyof EventStore] : Reflect.get(target, key),
  });
  return new Proxy(store, { get: (target, key) => (key === 'events' ? events : Reflect.get(target, key)) });
}
