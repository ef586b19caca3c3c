import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestCommit } from '../../../store/collect-port.js';
import { openDuckDbStore } from '../../../store/duckdb/store.js';
import type { Store } from '../../../store/port.js';
import { testIngestOptions, withEventStore } from '../../../test-support/ingestor.js';
import { Ingestor } from '../ingestor.js';
import type { SetAsideHeader } from './set-aside.js';

/**
 * An event the store cannot hold must not hold up the ones after it, live or on the replay after a crash. The
 * store below is the real DuckDB store, handed rows that DuckDB refuses for events named "Poisoned" (a six-digit
 * year, as a clock-skew correction once produced).
 */
let dir: string;
let stores: Awaited<ReturnType<typeof openDuckDbStore>>[];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cairn-set-aside-'));
  stores = [];
});
afterEach(async () => {
  for (const store of stores) await store.close();
  await rm(dir, { recursive: true, force: true });
});

const options = () => testIngestOptions(dir);

async function openStore() {
  const store = await openDuckDbStore(path.join(dir, 'cairn.duckdb'));
  await store.migrate();
  stores.push(store);
  return store;
}

/** The store, with the rows of "Poisoned" events broken the way DuckDB refuses; or never finishing a write. */
function poisoning(store: Store, mode: 'poison' | 'hang'): Store {
  const commitIngest = (commit: IngestCommit) => {
    if (mode === 'hang') return new Promise<void>(() => undefined);
    for (const event of commit.events) {
      if (event.event !== 'Poisoned') continue;
      const row = Buffer.from(event.row).toString('utf8');
      event.row = Buffer.from(row.replace(/"occurred_at":"\d{4}/, '"occurred_at":"+012025'));
    }
    return store.events.commitIngest(commit);
  };
  return withEventStore(store, { commitIngest });
}

const facts = (workspaceId: string) => ({
  workspaceId,
  requestIp: null,
  requestUserAgent: null,
  batchSentAt: undefined,
  batchContext: undefined,
});
const batch = [
  { type: 'track', anonymousId: 'first', event: 'Viewed' },
  { type: 'track', anonymousId: 'newcomer', event: 'Poisoned' },
];
const setAsideFiles = async () =>
  (await readdir(path.join(dir, 'ingest-set-aside'), { withFileTypes: true }).catch(() => [])).map((d) =>
    path.join(d.parentPath, d.name),
  );

describe('events the store refuses', () => {
  it('are set aside into a file, live, and the events after them are stored', async () => {
    const store = await openStore();
    const registry = new Registry();
    const told: { events: number; planStored: boolean }[] = [];
    const ingestor = new Ingestor(
      poisoning(store, 'poison'),
      { ...options(), onSetAside: ({ events, planStored }) => told.push({ events, planStored }) },
      registry,
      () => new Date(),
    );
    await ingestor.start();
    const workspaceId = uuidv7();
    const first = await ingestor.ingest(batch, facts(workspaceId), { visible: true });
    expect(first.stored).toBe(2);
    const after = await ingestor.ingest(
      [{ type: 'track', anonymousId: 'newcomer', event: 'Came Back' }],
      facts(workspaceId),
      { visible: true },
    );
    const names = await store.database.autocommit.all('SELECT event FROM events ORDER BY ingest_seq');
    expect(names).toEqual([{ event: 'Viewed' }, { event: 'Came Back' }]);
    // The refused event's profile and identity were stored without it: the newcomer keeps one profile.
    expect(after.profileIds).toEqual([first.profileIds?.[1]]);
    expect(told).toEqual([{ events: 1, planStored: true }]);
    expect(
      (await registry.getSingleMetric('cairn_ingest_set_aside_messages_total')?.get())?.values[0]?.value,
    ).toBe(1);

    const [file] = await setAsideFiles();
    const [header, ...rows] = (await readFile(file as string, 'utf8')).trim().split('\n');
    const parsed = JSON.parse(header as string) as SetAsideHeader;
    expect(parsed).toMatchObject({ firstSeq: 2, lastSeq: 2, planStored: true, plan: { newProfiles: [] } });
    expect(parsed.reason).toMatch(/^Invalid Input Error: .*\+012025/);
    expect(rows.map((r) => JSON.parse(r).event)).toEqual(['Poisoned']);
    await ingestor.drain();
  });

  it('are set aside on the replay after a crash, and the server starts', async () => {
    const first = await openStore();
    const crashed = new Ingestor(poisoning(first, 'hang'), options(), new Registry(), () => new Date());
    await crashed.start();
    const workspaceId = uuidv7();
    expect((await crashed.ingest(batch, facts(workspaceId))).stored).toBe(2);
    await crashed.ingest([{ type: 'track', anonymousId: 'later', event: 'Later' }], facts(workspaceId));
    await first.close();
    stores = [];

    const second = await openStore();
    const restarted = new Ingestor(poisoning(second, 'poison'), options(), new Registry(), () => new Date());
    expect(await restarted.start()).toEqual({ replayed: 3 });
    const names = await second.database.autocommit.all('SELECT event FROM events ORDER BY ingest_seq');
    expect(names).toEqual([{ event: 'Viewed' }, { event: 'Later' }]);
    expect(await setAsideFiles()).toHaveLength(1);
    await restarted.drain();
  });
});
