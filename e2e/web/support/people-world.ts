import type { SurveyDefinition } from '@cairn/protocol';
import { liveSurvey } from '../../../packages/server/src/domains/surveys/survey-fixtures.js';
import { basicAuth, workspaceWithWriteKey } from '../../../packages/server/src/test-support/ingest.js';
import { adminHeaders } from '../../../packages/server/src/test-support/test-app.js';
import type { LiveServer } from './live-server.js';

/**
 * A small world for the Responses and Profiles screens, seeded only through public APIs: a write key and
 * /v1/batch events of two customers across channels, an NPS survey, and answers through the SDK endpoint — one of
 * them hostile markup, one a spreadsheet formula — plus a second, text-only survey answered last by a fifth person
 * (so the all-surveys list has two surveys and Ada's and Bob's timelines stay as they were). Events are dated hours
 * before the answers, so each timeline reads events first, then the answer.
 */
export const hostileAnswer = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
export const formulaAnswer = '=cmd|"/c calc"!A1';
/** Plainly negative English about the delivery: text analytics tags it negative with the delivery topic. */
export const negativeAnswer = 'The delivery was late and the parcel was damaged. Terrible.';
/** The second survey: one open question, titled differently from the NPS survey's. */
export const feedbackSurvey: { name: string; definition: SurveyDefinition } = {
  name: 'Checkout feedback',
  definition: {
    defaultLanguage: 'en',
    questions: [
      {
        id: 'comment',
        type: 'text',
        title: { en: 'How was your order?', de: 'Wie war Ihre Bestellung?' },
      },
    ],
    end: { title: { en: 'Thank you!', de: 'Danke!' } },
  },
};
export const people = {
  analyst: { email: 'ana@example.com', password: 'analyst passphrase 2026', role: 'analyst' },
  agent: { email: 'agnes@example.com', password: 'agent passphrase 2026', role: 'agent' },
  viewer: { email: 'vic@example.com', password: 'viewer passphrase 2026', role: 'viewer' },
} as const;

export interface PeopleWorld {
  workspaceId: string;
  surveyId: string;
  /** The text-only second survey, answered by Erin. */
  feedbackSurveyId: string;
  /** Response ids by respondent user id. */
  responses: Record<'ada' | 'bob' | 'cleo' | 'dan' | 'erin', string>;
  profileIds: Record<'ada' | 'bob', string>;
}

async function call(server: LiveServer, method: 'POST', url: string, payload: unknown, auth: string) {
  const res = await server.app.app.inject({
    method,
    url,
    payload: payload as object,
    headers: { authorization: auth },
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown>;
}

export async function seedPeopleWorld(server: LiveServer): Promise<PeopleWorld> {
  const app = server.app.app;
  const { workspaceId, writeKey } = await workspaceWithWriteKey(app, 'People Shop');
  for (const person of Object.values(people)) {
    await call(
      server,
      'POST',
      `/api/v1/workspaces/${workspaceId}/members`,
      { ...person, name: person.email.split('@')[0] },
      adminHeaders.authorization,
    );
  }
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const batch = [
    {
      type: 'identify',
      userId: 'ada',
      traits: { name: 'Ada Lovelace', email: 'ada@example.com', plan: 'pro' },
      timestamp: hoursAgo(5),
      context: { channel: 'web' },
    },
    {
      type: 'page',
      userId: 'ada',
      name: 'Shoes',
      properties: { path: '/shoes', title: 'Shoes', url: 'https://shop.example/shoes' },
      timestamp: hoursAgo(4),
      context: { channel: 'web' },
    },
    {
      type: 'track',
      userId: 'ada',
      event: 'Order Completed',
      properties: { orderId: 'A-1', revenue: 120, currency: 'EUR' },
      timestamp: hoursAgo(3),
      context: { channel: 'web' },
    },
    {
      type: 'track',
      userId: 'ada',
      event: 'Email Opened',
      properties: { subject: 'Your order' },
      timestamp: hoursAgo(2),
      context: { channel: 'email' },
    },
    {
      type: 'identify',
      userId: 'bob',
      traits: { name: 'Bob Builder', email: 'bob@example.com' },
      timestamp: hoursAgo(5),
      context: { channel: 'app' },
    },
    {
      type: 'track',
      userId: 'bob',
      event: 'Product Viewed',
      properties: { sku: 'B-7' },
      timestamp: hoursAgo(3),
      context: { channel: 'app' },
    },
    {
      type: 'track',
      userId: 'bob',
      event: 'Live Chat Message Sent',
      properties: {},
      timestamp: hoursAgo(2),
      context: { channel: 'chat' },
    },
    // More than one timeline page (30 entries) for Bob, so "load more" has something to load.
    ...Array.from({ length: 32 }, (_, i) => ({
      type: 'track',
      userId: 'bob',
      event: 'Product Viewed',
      properties: { sku: `B-${i}` },
      timestamp: hoursAgo(4 + i / 60),
      context: { channel: 'app' },
    })),
  ].map((message, index) => ({ ...message, messageId: `people-${index}` }));
  await call(server, 'POST', '/v1/batch', { batch }, basicAuth(writeKey));

  const surveyId = await liveSurvey(app, workspaceId, { name: 'Delivery NPS' });
  const answer = async (userId: string, channel: string, nps: number, why?: string) => {
    const answers = [
      { questionId: 'nps', value: nps },
      ...(why === undefined ? [] : [{ questionId: 'why', value: why }]),
    ];
    if (nps >= 9) answers.push({ questionId: 'topic', value: 'delivery' });
    const result = await call(
      server,
      'POST',
      `/v1/surveys/${surveyId}/responses`,
      { clientKey: `people-${userId}-key`, userId, channel, locale: 'en', answers, completed: true },
      basicAuth(writeKey),
    );
    return result.responseId as string;
  };
  const responses = {
    ada: await answer('ada', 'web', 3, 'Delivery was late, again'),
    bob: await answer('bob', 'app', 6, hostileAnswer),
    cleo: await answer('cleo', 'email', 8, formulaAnswer),
    dan: await answer('dan', 'web', 10),
  };
  const feedbackSurveyId = await liveSurvey(app, workspaceId, {
    name: feedbackSurvey.name,
    definition: feedbackSurvey.definition,
  });
  const erin = await call(
    server,
    'POST',
    `/v1/surveys/${feedbackSurveyId}/responses`,
    {
      clientKey: 'people-erin-key',
      userId: 'erin',
      channel: 'web',
      locale: 'en',
      answers: [{ questionId: 'comment', value: negativeAnswer }],
      completed: true,
    },
    basicAuth(writeKey),
  );
  const profileOf = async (userId: string) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/profiles/lookup?userId=${userId}`,
      headers: adminHeaders,
    });
    if (res.statusCode !== 200) throw new Error(`lookup ${userId}: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  return {
    workspaceId,
    surveyId,
    feedbackSurveyId,
    responses: { ...responses, erin: erin.responseId as string },
    profileIds: { ada: await profileOf('ada'), bob: await profileOf('bob') },
  };
}
