import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../../../store/duckdb/store.js';
import type { Store } from '../../../store/port.js';
import { testIngestOptions, withEventStore } from '../../../test-support/ingestor.js';
import { Ingestor } from '../ingestor.js';
import type { IdentityRef } from './identity-graph.js';

/**
 * New identifiers skip the store: once the stored identities have been read, the writer asks the store only
 * about identifiers it may hold. After a restart the set is read again, so a returning visitor keeps their
 * profile (more identities than one chunk of the store's scan, so every chunk counts).
 */
let dir: string;
let stores: Awaited<ReturnType<typeof openDuckDbStore>>[];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cairn-lookups-'));
  stores = [];
});
afterEach(async () => {
  for (const store of stores) await store.close();
  await rm(dir, { recursive: true, force: true });
});

const options = () => testIngestOptions(dir);

/** The store, recording the identities the writer looks up in it. */
const recordingLookups = (store: Store, asked: IdentityRef[][]) =>
  withEventStore(store, {
    lookupIdentities: (refs) => {
      asked.push(refs);
      return store.events.lookupIdentities(refs);
    },
  });

const visitors = Array.from({ length: 2_500 }, (_, i) => `visitor-${i}`);
const visits = (ids: string[]) => ids.map((anonymousId) => ({ type: 'page', anonymousId, name: 'Home' }));

describe('identity lookups in the store', () => {
  it('are skipped for new identifiers and still made for stored ones after a restart', async () => {
    const store = await openDuckDbStore(path.join(dir, 'cairn.duckdb'));
    await store.migrate();
    stores.push(store);
    const workspaceId = uuidv7();
    const facts = {
      workspaceId,
      requestIp: null,
      requestUserAgent: null,
      batchSentAt: undefined,
      batchContext: undefined,
    };

    const asked: IdentityRef[][] = [];
    const first = new Ingestor(recordingLookups(store, asked), options(), new Registry(), () => new Date());
    await first.start();
    await first.identitiesRead();
    const before = await first.ingest(visits(visitors), facts, { visible: true });
    const identified = await first.ingest(
      [{ type: 'identify', anonymousId: 'visitor-7', userId: 'anna', traits: { email: 'anna@example.de' } }],
      facts,
      { visible: true },
    );
    expect(identified.profileIds).toEqual([before.profileIds?.[7]]);
    expect(asked).toEqual([]);
    await first.drain();

    const restarted = new Ingestor(
      recordingLookups(store, asked),
      options(),
      new Registry(),
      () => new Date(),
    );
    await restarted.start();
    await restarted.identitiesRead();
    // Not waiting for the store: were a returning visitor missed, the store would refuse the batch for good.
    const after = await restarted.ingest(visits([...visitors, 'newcomer']), facts);
    expect(after.profileIds?.slice(0, visitors.length)).toEqual(before.profileIds);
    expect(new Set(after.profileIds).size).toBe(visitors.length + 1);
    const lookedUp = asked.flat().map((ref) => ref.value);
    expect(lookedUp).toHaveLength(visitors.length);
    expect(lookedUp).not.toContain('newcomer');

    asked.length = 0;
    const returning = await restarted.ingest(
      [{ type: 'identify', userId: 'anna', traits: { email: 'anna@example.de' } }],
      facts,
      { visible: true },
    );
    expect(returning.profileIds).toEqual([before.profileIds?.[7]]);
    expect(asked.flat().map((ref) => ref.kind)).toEqual(['user_id', 'email']);
    await restarted.drain();
    const [count] = await store.database.autocommit.all('SELECT count(*)::INTEGER AS n FROM identities');
    expect(count).toEqual({ n: visitors.length + 3 });
  });
});
