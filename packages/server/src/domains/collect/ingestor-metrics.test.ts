import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../../store/duckdb/store.js';
import type { Store } from '../../store/port.js';
import { testIngestOptions, withEventStore } from '../../test-support/ingestor.js';
import { Ingestor } from './ingestor.js';

/** What an operator sees at /metrics when the store refuses acknowledged events for a while. */
let dir: string;
let store: Awaited<ReturnType<typeof openDuckDbStore>>;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cairn-ingest-metrics-'));
  store = await openDuckDbStore(path.join(dir, 'cairn.duckdb'));
  await store.migrate();
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** The store, refusing the first `failures` event transactions. */
function refusingFirst(failures: number): Store {
  let left = failures;
  return withEventStore(store, {
    commitIngest: (commit) =>
      left-- > 0 ? Promise.reject(new Error('disk full')) : store.events.commitIngest(commit),
  });
}

const value = async (registry: Registry, name: string) =>
  (await registry.getSingleMetric(name)?.get())?.values[0]?.value;

describe('ingestion metrics', () => {
  it('count failed store transactions and show how long acknowledged events wait for the store', async () => {
    let clock = Date.parse('2026-12-07T10:00:00Z');
    const registry = new Registry();
    const errors: number[] = [];
    const ingestor = new Ingestor(
      refusingFirst(2),
      testIngestOptions(dir, {
        maxPendingMessages: 1_000,
        dedupeMaxEntries: 10_000,
        maxUnappliedEvents: 1_000,
        onApplyError: (_error, attempt) => errors.push(attempt),
      }),
      registry,
      () => new Date(clock),
    );
    await ingestor.start();
    const facts = {
      workspaceId: uuidv7(),
      requestIp: null,
      requestUserAgent: null,
      batchSentAt: undefined,
      batchContext: undefined,
    };
    const result = await ingestor.ingest([{ type: 'track', anonymousId: 'a1', event: 'Signed Up' }], facts);
    expect(result.stored).toBe(1);
    clock += 30_000;
    expect(await value(registry, 'cairn_ingest_unapplied_age_seconds')).toBe(30);
    await ingestor.caughtUp();
    expect(errors).toEqual([1, 2]);
    expect(await value(registry, 'cairn_ingest_apply_failures_total')).toBe(2);
    expect(await value(registry, 'cairn_ingest_unapplied_age_seconds')).toBe(0);
    expect(await value(registry, 'cairn_ingest_known_identities')).toBe(1);
    await ingestor.drain();
  });
});
