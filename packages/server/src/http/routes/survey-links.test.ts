import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SurveyDefinition } from '@cairn/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signLink } from '../../domains/surveys/link-token.js';
import { liveSurvey, npsDefinition } from '../../domains/surveys/survey-fixtures.js';
import { workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

const secret = 'a-link-secret-for-tests-0123456789abcdef';
const clock = new Date('2026-03-02T10:00:00Z');
let t: TestApp;
let workspaceId: string;

beforeEach(async () => {
  t = await startTestApp({ CAIRN_LINK_SECRET: secret }, () => clock);
  workspaceId = (await workspaceWithWriteKey(t.app)).workspaceId;
});
afterEach(() => t.close());

const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
const post = (surveyId: string, fields: [string, string][]) =>
  t.app.inject({
    method: 'POST',
    url: `/s/${surveyId}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
const responses = async (surveyId: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/responses`,
      headers: adminHeaders,
    })
  ).json().items;
const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

describe('hosted link survey', () => {
  it('renders an accessible form in the chosen language, escaping every survey text and hidden value', async () => {
    const hostile: SurveyDefinition = {
      ...npsDefinition,
      welcome: { title: { en: 'Hi <script>alert(1)</script>', de: 'Hallo <b>' } },
    };
    const surveyId = await liveSurvey(t.app, workspaceId, { definition: hostile });
    const res = await t.app.inject({
      method: 'GET',
      url: `/s/${surveyId}?orderId=${encodeURIComponent('"><script>x()</script>')}`,
      headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const html = res.body;
    expect(html).toContain('<html lang="de">');
    expect(html).not.toContain('<script');
    expect(html).toContain('Hallo &lt;b&gt;');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;x()&lt;/script&gt;"');
    expect(html).toContain('<legend>Wie wahrscheinlich empfehlen Sie uns weiter?</legend>');
    expect(html).toContain('<form method="post" action="/s/');
    expect(html).toMatch(/<label for="f-why">/);
    const english = await t.app.inject({ method: 'GET', url: `/s/${surveyId}?lang=en` });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('stores an anonymous answer as a web response once, requiring only questions on the path', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    const page = (await t.app.inject({ method: 'GET', url: `/s/${surveyId}?lang=en&orderId=o-7` })).body;
    const base: [string, string][] = [
      ['lang', 'en'],
      ['k', hidden(page, 'k')],
      ['h:orderId', hidden(page, 'h:orderId')],
    ];
    const missing = await post(surveyId, [...base, ['q:nps', '3']]);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('role="alert"');
    expect(missing.body).toContain('value="3" checked');
    // A promoter skips "why" (logic jumps to topic), so the form completes without it.
    const done = await post(surveyId, [...base, ['q:nps', '10']]);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Glad you like us');
    expect(done.body).toContain('href="https://example.com/review"');
    await post(surveyId, [...base, ['q:nps', '10']]);
    const items = await responses(surveyId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ channel: 'web', status: 'completed', hiddenFields: { orderId: 'o-7' } });
  });

  it('refuses tampered, expired and foreign tokens with a 400 page and stores nothing', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    const exp = Math.floor(clock.getTime() / 1000) + 3600;
    const good = signLink(secret, { w: workspaceId, s: surveyId, p: 'profile-1', exp, k: 'survey' });
    const [body, signature] = good.split('.');
    const tamperedPayload = Buffer.from(
      JSON.stringify({ w: workspaceId, s: surveyId, p: 'profile-2', exp, k: 'survey' }),
    ).toString('base64url');
    const bad = [
      `${tamperedPayload}.${signature}`,
      `${body}.${signature?.slice(0, -2)}xx`,
      signLink(secret, { w: workspaceId, s: surveyId, p: 'profile-1', exp: exp - 7200, k: 'survey' }),
      signLink(secret, { w: workspaceId, s: surveyId, p: 'profile-1', exp, k: 'unsubscribe' }),
      signLink('another-secret-0123456789abcdefghijkl', {
        w: workspaceId,
        s: surveyId,
        p: 'p',
        exp,
        k: 'survey',
      }),
    ];
    for (const token of bad) {
      const shown = await t.app.inject({ method: 'GET', url: `/s/${surveyId}?t=${token}` });
      expect(shown.statusCode).toBe(400);
      expect(shown.body).toContain('invalid or has expired');
      const answered = await post(surveyId, [
        ['t', token],
        ['q:nps', '3'],
        ['q:why', 'x'],
      ]);
      expect(answered.statusCode).toBe(400);
    }
    expect(await responses(surveyId)).toHaveLength(0);
  });

  it('answers 409 for a survey that is not live and 404 for an unknown one', async () => {
    const draft = await liveSurvey(t.app, workspaceId, { live: false });
    expect((await t.app.inject({ method: 'GET', url: `/s/${draft}` })).statusCode).toBe(409);
    const unknown = '01890000-0000-7000-8000-000000000000';
    expect((await t.app.inject({ method: 'GET', url: `/s/${unknown}` })).statusCode).toBe(404);
  });
});

describe('link secret', () => {
  it('is generated once into <dataDir>/link-secret with mode 0600 when not configured', async () => {
    const other = await startTestApp();
    try {
      const info = await stat(path.join(other.dataDir, 'link-secret'));
      expect(info.mode & 0o777).toBe(0o600);
    } finally {
      await other.close();
    }
  });
});
