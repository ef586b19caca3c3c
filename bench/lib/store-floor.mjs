// The store's own cost of the events the ingestion benchmark sends: the same bodies, prepared as the server prepares
// them (not timed), stored through the DuckDB adapter's commitIngest in transactions of the largest size the
// server's applier makes, plus the checkpoint that later writes them into the file. No HTTP, no parsing, no
// journal: what the server would spend even if everything else were free. Prints one line of JSON with the
// process's CPU time per event (DuckDB's threads included) and the wall time.
// Run under tsx (it imports the sources): node --conditions=source --import tsx bench/lib/store-floor.mjs [events]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { batchMaker } from './events.mjs';

const { validateAll } = await import('../../packages/server/src/domains/collect/steps/validate.ts');
const { prepareAll } = await import('../../packages/server/src/domains/collect/steps/prepare.ts');
const { fillRow } = await import('../../packages/server/src/domains/collect/prepare/event-rows.ts');
const { openDuckDbStore } = await import('../../packages/server/src/store/duckdb/store.ts');

const eventCount = Number(process.argv[2] ?? 200_000);
/** The applier's largest transaction (maxEventsPerApply in http/app.ts): the cheapest per event. */
const eventsPerApply = 10_000;

const workspaceId = randomUUID();
// The same 40 visitors as the max-load phase: one profile each, so the commits store events only.
const profiles = Array.from({ length: 40 }, () => randomUUID());
const makeBatch = batchMaker(100, 'floor');
const events = [];
for (let seq = 1; events.length < eventCount; ) {
  const body = JSON.parse(makeBatch());
  const { valid } = validateAll(body.batch);
  const facts = {
    workspaceId,
    receivedAt: new Date(),
    requestIp: '203.0.113.7',
    requestUserAgent: null,
    batchSentAt: body.sentAt,
    batchContext: undefined,
    ipMode: 'truncate',
    requestKey: randomUUID(),
  };
  prepareAll(valid, facts).forEach((message, i) => {
    message.profileId = profiles[i % profiles.length];
    message.ingestSeq = seq++;
    fillRow(message.row, workspaceId, message.profileId, message.ingestSeq);
    events.push(message);
  });
}

const dir = await mkdtemp(path.join(tmpdir(), 'cairn-store-floor-'));
const store = await openDuckDbStore(path.join(dir, 'floor.duckdb'));
await store.migrate();
const emptyPlan = { newProfiles: [], newIdentities: [], merges: [] };
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (let at = 0; at < events.length; at += eventsPerApply) {
  const commit = { events: events.slice(at, at + eventsPerApply), plan: emptyPlan, traits: [], groups: [] };
  await store.events.commitIngest(commit);
}
await store.database.autocommit.run('CHECKPOINT');
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
await store.close();
await rm(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    events: events.length,
    eventsPerApply,
    cpuMicrosPerEvent: (cpu.user + cpu.system) / events.length,
    wallMicrosPerEvent: (wallMs * 1000) / events.length,
  }),
);
