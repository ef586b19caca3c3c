import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/port.js';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import type { StoredMessage } from '../collect/event-writer.js';
import { eligibleSurvey } from './eligibility.js';
import { JourneyBuffer } from './journey-buffer.js';
import { RespondentCache } from './respondent-cache.js';
import { liveSurvey } from './survey-fixtures.js';
import { createSurveyServices, type SurveyServices } from './survey-services.js';

let t: TestApp;
let workspaceId: string;
let auth: { authorization: string };
let reads: string[];
let services: SurveyServices;
const now = () => new Date('2026-03-02T10:00:00Z');

/** The real store, with every call of the repos the caches read from written down. */
function countingStore(store: Store): Store {
  const counted = <T extends object>(name: string, repo: T): T =>
    new Proxy(repo, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          reads.push(`${name}.${String(prop)}`);
          return value.apply(target, args);
        };
      },
    });
  const surveys = new Proxy(store.surveys, {
    get: (target, prop) =>
      prop === 'contacts' || prop === 'respondents' || prop === 'responses'
        ? counted(prop, target[prop])
        : Reflect.get(target, prop),
  });
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'profiles') return counted('profiles', target.profiles);
      if (prop === 'surveys') return surveys;
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const send = (path: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/v1/${path}`, headers: auth, payload });
/** After-commit reactions run detached from the acknowledgement: let them run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(async () => {
  reads = [];
  t = await startTestApp({}, now);
  ({ workspaceId, writeKey: auth } = await workspaceWithWriteKey(t.app).then((ws) => ({
    workspaceId: ws.workspaceId,
    writeKey: { authorization: basicAuth(ws.writeKey) },
  })));
  services = createSurveyServices(countingStore(t.store), t.app.ingestor, now);
});
afterEach(() => t.close());

describe('eligibility answered from memory', () => {
  it('knows a visitor first seen by ingestion, and an unknown one, without reading the store', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    // First use loads the workspace once (identities, traits, ledger).
    expect(
      await eligibleSurvey(services, workspaceId, { anonymousId: 'warm-up', event: 'Checkout' }),
    ).toBeTruthy();
    await services.ledger.contacts(workspaceId, 'warm-up');
    reads = [];
    expect((await send('track', { anonymousId: 'seen-1', event: 'Checkout' })).statusCode).toBe(200);
    await settle();
    const profileId = await services.respondents.profileOf(workspaceId, { anonymousId: 'seen-1' });
    expect(profileId).toBe(await t.store.profiles.findByIdentity(workspaceId, 'anonymous_id', 'seen-1'));
    const offer = await eligibleSurvey(services, workspaceId, { anonymousId: 'seen-1', event: 'Checkout' });
    expect(offer?.id).toBe(surveyId);
    expect(
      await eligibleSurvey(services, workspaceId, { anonymousId: 'never-seen', event: 'Checkout' }),
    ).toBeTruthy();
    expect(reads).toEqual([]);
  });

  it('takes traits from identify calls and rereads the traits of merged profiles', async () => {
    await services.respondents.profileOf(workspaceId, { anonymousId: 'x' });
    await send('identify', { anonymousId: 'anon-2', traits: { plan: 'pro' } });
    await settle();
    const profileId = (await services.respondents.profileOf(workspaceId, {
      anonymousId: 'anon-2',
    })) as string;
    reads = [];
    expect((await services.respondents.traitsOf(workspaceId, profileId)).plan?.value).toBe('pro');
    await send('identify', { anonymousId: 'anon-2', traits: { plan: 'team' } });
    await settle();
    expect((await services.respondents.traitsOf(workspaceId, profileId)).plan?.value).toBe('team');
    expect(reads).toEqual([]);
    // anon-3 with userId u-1, then anon-2 identifies as u-1: the identity graph merges the two profiles.
    await send('identify', { anonymousId: 'anon-3', userId: 'u-1', traits: { city: 'Bonn' } });
    await send('identify', { anonymousId: 'anon-2', userId: 'u-1' });
    await settle();
    const merged = (await services.respondents.profileOf(workspaceId, { userId: 'u-1' })) as string;
    const traits = await services.respondents.traitsOf(workspaceId, merged);
    expect(traits).toEqual(await t.store.profiles.currentTraits(workspaceId, [merged]));
  });
});

describe('fatigue ledger in memory', () => {
  it('sees its own writes without rereading, and a fresh ledger loads them from the store', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    const settings = (await services.catalog.liveSurvey(workspaceId, surveyId))?.survey.settings ?? {};
    expect(await services.ledger.verdict(workspaceId, 'p-1', surveyId, settings)).toBeNull();
    reads = [];
    const contact = { workspaceId, profileId: 'p-1', surveyId, channel: 'web', kind: 'shown' as const };
    await services.ledger.record([{ ...contact, at: now().toISOString() }]);
    expect(await services.ledger.verdict(workspaceId, 'p-1', surveyId, settings)).toBe('survey-cooldown');
    expect(await services.ledger.verdict(workspaceId, 'p-2', surveyId, settings)).toBeNull();
    expect(reads).toEqual(['contacts.append']);
    const fresh = createSurveyServices(t.store, t.app.ingestor, now);
    expect(await fresh.ledger.verdict(workspaceId, 'p-1', surveyId, settings)).toBe('survey-cooldown');
  });
});

function message(profileId: string, n: number, event = `Step ${n}`): StoredMessage {
  return {
    workspaceId: 'ws',
    messageId: `${profileId}-${n}`,
    type: 'track',
    event,
    anonymousId: profileId,
    userId: null,
    previousId: null,
    groupId: null,
    channel: 'web',
    timestamp: new Date(Date.UTC(2026, 2, 1, 0, n)).toISOString(),
    receivedAt: new Date(Date.UTC(2026, 2, 1, 0, n)).toISOString(),
    traits: {},
    identities: [],
    pageUrl: null,
    row: new Uint8Array(0),
    profileId,
    ingestSeq: n,
  };
}

describe('journey ring buffer', () => {
  it('keeps the newest steps per profile and at most maxProfiles profiles, survey events left out', async () => {
    const buffer = new JourneyBuffer(countingStore(t.store), async () => {}, 3, 2);
    const messages = ['a', 'b', 'c'].flatMap((p) => [1, 2, 3, 4, 5].map((n) => message(p, n)));
    buffer.observe([...messages, message('c', 6, 'Survey Completed')], new Set());
    expect(buffer.size).toBe(2);
    const journeys = await buffer.journeys('ws', ['c'], '2026-03-02T00:00:00.000Z');
    expect(journeys.get('c')?.map((s) => s.event)).toEqual(['Step 5', 'Step 4', 'Step 3']);
    expect(reads).toEqual([]);
    // A profile dropped from memory (or never seen in full) is read from the store.
    await buffer.journeys('ws', ['a'], '2026-03-02T00:00:00.000Z');
    expect(reads).toEqual(['responses.recentEvents']);
    expect(buffer.size).toBe(2);
  });
});

describe('reads behind ingestion', () => {
  // Ingestion acknowledges once its journal is durable and moves events into the store afterwards: a store read
  // made before the store caught up misses steps and visitors acknowledged before the caches followed them.
  const caughtUp = async () => {
    reads.push('caughtUp');
  };

  it('reads a journey from the store only once the store holds every acknowledged event', async () => {
    const buffer = new JourneyBuffer(countingStore(t.store), caughtUp);
    // Seen after the workspace started being followed: not the whole journey, so the store must be read.
    buffer.observe([message('p', 5)], new Set());
    await buffer.journeys('ws', ['p'], '2026-03-02T00:00:00.000Z');
    expect(reads).toEqual(['caughtUp', 'responses.recentEvents']);
  });

  it('loads a workspace of respondents only once the store holds every acknowledged event', async () => {
    const cache = new RespondentCache(countingStore(t.store), now, caughtUp);
    await cache.profileOf(workspaceId, { anonymousId: 'visitor-1' });
    expect(reads[0]).toBe('caughtUp');
    expect(reads).toContain('respondents.identities');
  });
});
