import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { buildApp, type CairnApp } from '../../http/app.js';
import { openDuckDbStore } from '../../store/duckdb/store.js';
import type { Store } from '../../store/port.js';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, testAdminToken } from '../../test-support/test-app.js';
import { liveSurvey } from './survey-fixtures.js';

/**
 * Responses are acknowledged once they are in the ingest journal, before the store has them. These tests hold the
 * store's response writes back to show what that must not change: a next step still sees the step before it, and a
 * crash before the store write loses nothing that was acknowledged.
 */
let dataDir: string;
let stores: Awaited<ReturnType<typeof openDuckDbStore>>[];
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'cairn-response-journal-'));
  stores = [];
});
afterEach(async () => {
  for (const store of stores) await store.close().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
});

/** A store whose response writes wait until `release` is called (never, if it is not). */
function holdingResponses(store: Store) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const responses = new Proxy(store.surveys.responses, {
    get: (target, key) =>
      key === 'commit'
        ? async (...args: Parameters<typeof target.commit>) => {
            await released;
            return target.commit(...args);
          }
        : Reflect.get(target, key),
  });
  const surveys = new Proxy(store.surveys, {
    get: (target, key) => (key === 'responses' ? responses : Reflect.get(target, key)),
  });
  const held = new Proxy(store, {
    get: (target, key) => (key === 'surveys' ? surveys : Reflect.get(target, key)),
  });
  return { store: held, release };
}

async function start(store: Store): Promise<CairnApp> {
  const config = loadConfig({ CAIRN_DATA_DIR: dataDir, CAIRN_ADMIN_TOKEN: testAdminToken });
  const app = await buildApp({ config, store, logger: false });
  await app.ready();
  return app;
}

async function openStore() {
  const store = await openDuckDbStore(path.join(dataDir, 'cairn.duckdb'));
  await store.migrate();
  stores.push(store);
  return store;
}

const submit = (app: CairnApp, writeKey: string, surveyId: string, payload: object) =>
  app.inject({
    method: 'POST',
    url: `/v1/surveys/${surveyId}/responses`,
    headers: { authorization: basicAuth(writeKey) },
    payload,
  });

describe('journaled survey responses', () => {
  it('completes a response whose first step is acknowledged but not yet stored', async () => {
    const { store, release } = holdingResponses(await openStore());
    const app = await start(store);
    const { workspaceId, writeKey } = await workspaceWithWriteKey(app);
    const surveyId = await liveSurvey(app, workspaceId);
    const step = { clientKey: 'held-response-1', anonymousId: 'visitor-held', locale: 'en' };
    const first = await submit(app, writeKey, surveyId, {
      ...step,
      answers: [{ questionId: 'nps', value: 4 }],
      completed: false,
    });
    expect(first.json()).toMatchObject({ status: 'partial', created: true });
    // The nps answer lives only in the journal now; the completion must still find it (it is required).
    const second = await submit(app, writeKey, surveyId, {
      ...step,
      answers: [{ questionId: 'why', value: 'Too slow' }],
      completed: true,
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'completed', created: false });
    expect(await stores[0]?.surveys.responses.get(workspaceId, first.json().responseId)).toBeNull();
    release();
    const list = await app.inject({
      url: `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/responses`,
      headers: adminHeaders,
    });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ status: 'completed' });
    const answers = await stores[0]?.surveys.responses.answers(workspaceId, [first.json().responseId]);
    expect(answers?.map((a) => a.questionId).sort()).toEqual(['nps', 'why']);
    await app.close();
  });

  it('stores after a crash every response acknowledged before it, with its events and ledger entry', async () => {
    const first = await openStore();
    const crashed = await start(holdingResponses(first).store);
    const { workspaceId, writeKey } = await workspaceWithWriteKey(crashed);
    const surveyId = await liveSurvey(crashed, workspaceId);
    const acknowledged: string[] = [];
    for (const n of [1, 2, 3]) {
      const answer = await submit(crashed, writeKey, surveyId, {
        clientKey: `crash-response-${n}`,
        anonymousId: `visitor-${n}`,
        answers: [
          { questionId: 'nps', value: n },
          { questionId: 'why', value: `Reason ${n}` },
        ],
        completed: true,
      });
      expect(answer.statusCode).toBe(200);
      acknowledged.push(answer.json().responseId);
    }
    expect(await first.surveys.responses.getMany(workspaceId, acknowledged)).toEqual([]);
    // The process dies: the app is abandoned with its writes held, the store file closed under it.
    await first.close();

    const second = await openStore();
    const restarted = await start(second);
    const stored = await second.surveys.responses.getMany(workspaceId, acknowledged);
    expect(stored.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
    const profiles = await Promise.all(
      [1, 2, 3].map((n) => second.profiles.findByIdentity(workspaceId, 'anonymous_id', `visitor-${n}`)),
    );
    expect(stored.map((r) => r.profileId).sort()).toEqual([...profiles].sort());
    const timeline = await second.profiles.timeline(workspaceId, [profiles[0] as string], { limit: 10 });
    expect(timeline.items.map((e) => e.event).sort()).toEqual([
      'Survey Completed',
      'Survey Response Submitted',
    ]);
    const contacts = await second.surveys.contacts.since(
      workspaceId,
      profiles as string[],
      '2000-01-01T00:00:00Z',
    );
    expect(contacts.filter((c) => c.kind === 'answered')).toHaveLength(3);
    await restarted.close();
  });
});
