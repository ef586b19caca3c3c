import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../../../store/duckdb/store.js';
import type { Store } from '../../../store/port.js';
import { testIngestOptions, withEventStore } from '../../../test-support/ingestor.js';
import type { StoredMessage } from '../ingest-commit.js';
import { Ingestor } from '../ingestor.js';

/**
 * The journal's promise: an acknowledged event survives a crash that comes before it reached the store. The
 * store below never finishes a write (as if the process died right after the acknowledgement); a new ingestor on
 * the same journal and store file must then store exactly what was acknowledged, with the same identities.
 */
let dir: string;
let open: Awaited<ReturnType<typeof openDuckDbStore>>[];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cairn-replay-'));
  open = [];
});
afterEach(async () => {
  for (const store of open) await store.close();
  await rm(dir, { recursive: true, force: true });
});

const now = () => new Date('2026-12-01T10:00:00Z');
const options = () => testIngestOptions(dir);

async function openStore() {
  const store = await openDuckDbStore(path.join(dir, 'cairn.duckdb'));
  await store.migrate();
  open.push(store);
  return store;
}

/** The same store, except that storing events never finishes. */
const storeThatHangsOnEvents = (store: Store) =>
  withEventStore(store, { commitIngest: () => new Promise<void>(() => undefined) });

const facts = { requestIp: '203.0.113.9', requestUserAgent: 'test' };
const batchBody = (messages: object[]) => ({
  shape: 'batch' as const,
  bytes: Buffer.from(JSON.stringify({ sentAt: '2026-12-01T10:00:00.000Z', batch: messages })),
});

describe('ingest journal replay', () => {
  it('stores after a crash every acknowledged event, with the identities decided before it', async () => {
    const workspaceId = uuidv7();
    const first = await openStore();
    const crashed = new Ingestor(storeThatHangsOnEvents(first), options(), new Registry(), now);
    await crashed.start();
    const sent = await crashed.ingestBody(
      batchBody([
        { type: 'track', messageId: 'm1', anonymousId: 'visitor', event: 'Product Viewed' },
        {
          type: 'identify',
          messageId: 'm2',
          anonymousId: 'visitor',
          userId: 'anna',
          traits: { email: 'Anna@Example.de', plan: 'pro' },
        },
        { type: 'track', messageId: 'm1', anonymousId: 'visitor', event: 'Product Viewed' },
        { type: 'track', anonymousId: 'other', event: 'No messageId' },
      ]),
      facts,
      {},
      async () => workspaceId,
    );
    expect(sent).toMatchObject({ stored: 3, duplicates: 1, received: 4 });
    const internal = await crashed.ingest(
      [
        {
          type: 'track',
          messageId: 'm3',
          userId: 'anna',
          event: 'Order Completed',
          properties: { revenue: 12 },
        },
      ],
      {
        workspaceId,
        requestIp: null,
        requestUserAgent: null,
        batchSentAt: undefined,
        batchContext: undefined,
      },
    );
    expect(internal.stored).toBe(1);
    const events = async () =>
      (await first.database.autocommit.all(
        'SELECT message_id, type, profile_id, ingest_seq, ip, properties FROM events ORDER BY ingest_seq',
      )) as { message_id: string; type: string; profile_id: string; ingest_seq: number; ip: string }[];
    expect(await events()).toEqual([]);
    // The process "dies" here: the crashed ingestor is abandoned, its store file closed under it.
    await first.close();
    open = open.filter((s) => s !== first);

    const second = await openStore();
    const reacted: StoredMessage[] = [];
    const restarted = new Ingestor(second, options(), new Registry(), now);
    restarted.afterCommit((messages) => {
      reacted.push(...messages);
    });
    expect(await restarted.start()).toEqual({ replayed: 4 });
    const stored = (await second.database.autocommit.all(
      `SELECT e.message_id, e.type, e.ingest_seq, e.ip, e.properties->>'revenue' AS revenue,
         coalesce(p.merged_into, p.id) AS profile
       FROM events e JOIN profiles p ON p.id = e.profile_id ORDER BY e.ingest_seq`,
    )) as { message_id: string; type: string; ingest_seq: number; ip: string; profile: string }[];
    expect(stored.map((e) => e.message_id)).toEqual(['m1', 'm2', expect.stringMatching(/:3$/), 'm3']);
    expect(stored.map((e) => Number(e.ingest_seq))).toEqual([1, 2, 3, 4]);
    expect(stored[0]?.ip).toBe('203.0.113.0');
    // The visitor became Anna: one profile for m1, m2 and m3; the other visitor has their own.
    expect(new Set([stored[0]?.profile, stored[1]?.profile, stored[3]?.profile]).size).toBe(1);
    expect(stored[2]?.profile).not.toBe(stored[0]?.profile);
    const identities = await second.database.autocommit.all(
      `SELECT kind, value FROM identities WHERE profile_id = $1 ORDER BY kind, value`,
      [stored[0]?.profile ?? null],
    );
    expect(identities).toEqual([
      { kind: 'anonymous_id', value: 'visitor' },
      { kind: 'email', value: 'anna@example.de' },
      { kind: 'user_id', value: 'anna' },
    ]);
    const traits = await second.database.autocommit.all(
      `SELECT trait, value->>'$' AS value FROM profile_traits ORDER BY trait`,
    );
    expect(traits).toEqual([
      { trait: 'email', value: 'Anna@Example.de' },
      { trait: 'plan', value: 'pro' },
    ]);
    expect(reacted.map((m) => m.messageId)).toEqual(stored.map((e) => e.message_id));

    // The sequence goes on, and a retry of an acknowledged message is still a duplicate.
    const retried = await restarted.ingestBody(
      batchBody([
        { type: 'track', messageId: 'm1', anonymousId: 'visitor', event: 'Product Viewed' },
        { type: 'track', messageId: 'm4', userId: 'anna', event: 'Order Delivered' },
      ]),
      facts,
      {},
      async () => workspaceId,
    );
    expect(retried).toMatchObject({ stored: 1, duplicates: 1 });
    await restarted.drain();
    const last = (await second.database.autocommit.all(
      `SELECT e.ingest_seq, coalesce(p.merged_into, p.id) AS profile FROM events e JOIN profiles p ON p.id = e.profile_id
       WHERE message_id = 'm4'`,
    )) as { ingest_seq: number; profile: string }[];
    expect(last).toEqual([{ ingest_seq: 5, profile: stored[0]?.profile }]);
    // Nothing is replayed twice: the journal was emptied once its records were in the store.
    const third = new Ingestor(second, options(), new Registry(), now);
    expect(await third.start()).toEqual({ replayed: 0 });
    await third.drain();
  });
});
