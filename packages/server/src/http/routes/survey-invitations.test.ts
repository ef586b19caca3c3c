import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveSurvey } from '../../domains/surveys/survey-fixtures.js';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { type SmtpSink, startSmtpSink } from '../../test-support/smtp-sink.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

const day = 86_400_000;
let clock = new Date('2026-03-02T10:00:00Z');
let t: TestApp;
let smtp: SmtpSink;
let workspaceId: string;
let auth: { authorization: string };

beforeEach(async () => {
  clock = new Date('2026-03-02T10:00:00Z');
  smtp = await startSmtpSink();
  t = await startTestApp(
    {
      CAIRN_SMTP_URL: smtp.url,
      CAIRN_PUBLIC_URL: 'https://cx.example',
      CAIRN_MAIL_FROM: 'CX <cx@example.com>',
    },
    () => clock,
  );
  const ws = await workspaceWithWriteKey(t.app);
  workspaceId = ws.workspaceId;
  auth = { authorization: basicAuth(ws.writeKey) };
});
afterEach(async () => {
  await t.close();
  await smtp.close();
});

async function profile(userId: string, traits: Record<string, string>): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/identify',
    headers: auth,
    payload: { userId, traits },
  });
  expect(res.statusCode).toBe(200);
  const id = await t.store.profiles.findByIdentity(workspaceId, 'user_id', userId);
  if (!id) throw new Error(`no profile for ${userId}`);
  return id;
}
const invite = (surveyId: string, payload: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/invitations`,
    headers: adminHeaders,
    payload,
  });
const remind = (surveyId: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/invitations/reminders`,
    headers: adminHeaders,
    payload: {},
  });
const mailTo = (address: string) => smtp.mails.filter((m) => m.to && JSON.stringify(m.to).includes(address));
/** A header as sent (unfolded), not as mailparser restructures List-* headers. */
const rawHeader = (
  mail: { headerLines: readonly { key: string; line: string }[] } | undefined,
  name: string,
): string =>
  mail?.headerLines
    .find((h) => h.key === name)
    ?.line.replace(/\r\n[ \t]+/g, '')
    .replace(/^[^:]+:\s*/, '') ?? '';
/** The path of the first link to `prefix` in a mail's text part. */
const linkIn = (text: string | undefined, prefix: string) => {
  const match = new RegExp(`https://cx\\.example(${prefix}[^\\s]*)`).exec(text ?? '');
  if (!match?.[1]) throw new Error(`no ${prefix} link in ${text}`);
  return match[1];
};

describe('e-mail invitations over real SMTP', () => {
  it('mails each profile in its language, ties the link to the profile, reminds only non-responders', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    const de = await profile('u-de', { email: 'Anna@Example.de', locale: 'de-DE' });
    const en = await profile('u-en', { email: 'bob@example.com', locale: 'en-GB' });
    const none = await profile('u-none', { locale: 'de' });
    const sent = await invite(surveyId, { profileIds: [de, en, none], reminderAfterDays: 3 });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ sent: 2, skipped: { noEmail: 1, unsubscribed: 0, fatigue: 0 } });

    const [german] = mailTo('anna@example.de');
    const [english] = mailTo('bob@example.com');
    expect(german?.subject).toBe('Ihre Meinung zählt: Zwei Minuten?');
    expect(german?.text).toContain('Guten Tag');
    expect(english?.subject).toBe('Your opinion matters: Two minutes?');
    expect(english?.html).toContain('Start the survey');
    expect(german?.from?.text).toContain('cx@example.com');
    // The profile id travels only inside the signed token.
    expect(german?.text).not.toContain(de);

    const link = linkIn(german?.text, `/s/${surveyId}`);
    const form = await t.app.inject({ method: 'GET', url: link });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<html lang="de">');
    const token = new URL(link, 'https://cx.example').searchParams.get('t') ?? '';
    const answered = await t.app.inject({
      method: 'POST',
      url: `/s/${surveyId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([
        ['t', token],
        ['lang', 'de'],
        ['q:nps', '4'],
        ['q:why', 'Lieferung zu langsam'],
      ]).toString(),
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('Danke!');
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/responses`,
      headers: adminHeaders,
    });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({
      profileId: de,
      channel: 'email',
      status: 'completed',
      locale: 'de',
    });
    // Opening the same link again continues that response, prefilled.
    const again = await t.app.inject({ method: 'GET', url: link });
    expect(again.body).toContain('value="4" checked');
    expect(again.body).toContain('value="Lieferung zu langsam"');

    expect((await remind(surveyId)).json().sent).toBe(0);
    clock = new Date(clock.getTime() + 4 * day);
    const reminded = await remind(surveyId);
    expect(reminded.json()).toEqual({ sent: 1, skipped: { noEmail: 0, unsubscribed: 0, fatigue: 0 } });
    expect(mailTo('anna@example.de')).toHaveLength(1);
    expect(mailTo('bob@example.com').map((m) => m.subject)).toEqual([
      'Your opinion matters: Two minutes?',
      'Reminder: Two minutes?',
    ]);
    expect((await remind(surveyId)).json().sent).toBe(0);

    // Unsubscribe is honoured; the German profile just answered, so the global cooldown refuses another survey.
    // Opening the link only asks (mail scanners open links too); the page's button POSTs the token.
    const unsubscribeLink = linkIn(english?.text, '/s/unsubscribe');
    expect(rawHeader(english, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(rawHeader(english, 'list-unsubscribe')).toBe(`<https://cx.example${unsubscribeLink}>`);
    const asked = await t.app.inject({ method: 'GET', url: unsubscribeLink });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('<form method="post" action="/s/unsubscribe"');
    expect(await t.store.surveys.distribution.unsubscribed(workspaceId, [en])).toEqual([]);
    const unsubscribeToken = new URL(`https://x${unsubscribeLink}`).searchParams.get('t') ?? '';
    expect(asked.body).toContain(`name="t" value="${unsubscribeToken}"`);
    const unsubscribe = await t.app.inject({
      method: 'POST',
      url: '/s/unsubscribe',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ t: unsubscribeToken }).toString(),
    });
    expect(unsubscribe.statusCode).toBe(200);
    expect(unsubscribe.body).toContain('Unsubscribed');
    expect(await t.store.surveys.distribution.unsubscribed(workspaceId, [en])).toEqual([en]);
    const second = await liveSurvey(t.app, workspaceId, { name: 'Second' });
    const refused = await invite(second, { trait: { name: 'locale', value: 'de-DE' } });
    expect(refused.json()).toEqual({ sent: 0, skipped: { noEmail: 0, unsubscribed: 0, fatigue: 1 } });
    const byIds = await invite(second, { profileIds: [de, en] });
    expect(byIds.json()).toEqual({ sent: 0, skipped: { noEmail: 0, unsubscribed: 1, fatigue: 1 } });
    expect(smtp.mails).toHaveLength(3);
  });

  it('unsubscribes in one click from the mail header (RFC 8058) and refuses tampered links without a change', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    const en = await profile('u-en', { email: 'bob@example.com', locale: 'en-GB' });
    expect((await invite(surveyId, { profileIds: [en] })).json().sent).toBe(1);
    const header = rawHeader(mailTo('bob@example.com')[0], 'list-unsubscribe');
    const link = /<https:\/\/cx\.example([^>]+)>/.exec(header)?.[1];
    if (!link) throw new Error(`no link in ${header}`);
    const tampered = `${link.slice(0, -2)}xx`;
    for (const refused of [
      await t.app.inject({ method: 'GET', url: tampered }),
      await t.app.inject({ method: 'POST', url: '/s/unsubscribe' }),
      await t.app.inject({
        method: 'POST',
        url: tampered,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      }),
    ]) {
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('text/html');
    }
    expect(await t.store.surveys.distribution.unsubscribed(workspaceId, [en])).toEqual([]);
    const oneClick = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(await t.store.surveys.distribution.unsubscribed(workspaceId, [en])).toEqual([en]);
  });

  it('answers CAIRN_EMAIL_NOT_CONFIGURED without SMTP and names missing invitees', async () => {
    const bare = await startTestApp({}, () => clock);
    try {
      const ws = await workspaceWithWriteKey(bare.app);
      const surveyId = await liveSurvey(bare.app, ws.workspaceId);
      const url = `/api/v1/workspaces/${ws.workspaceId}/surveys/${surveyId}/invitations`;
      const res = await bare.app.inject({
        method: 'POST',
        url,
        headers: adminHeaders,
        payload: { trait: { name: 'x', value: 'y' } },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CAIRN_EMAIL_NOT_CONFIGURED');
      const empty = await bare.app.inject({ method: 'POST', url, headers: adminHeaders, payload: {} });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toContain('profileIds or trait');
    } finally {
      await bare.close();
    }
  });
});

describe('event-triggered e-mail invitations', () => {
  it('invites a profile by e-mail the set hours after its trigger event, once, and never for imported history', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId, {
      settings: { emailTrigger: { event: 'Order Delivered', delayHours: 24 } },
    });
    await profile('buyer', { email: 'buyer@example.de', locale: 'de' });
    await profile('old-buyer', { email: 'old@example.de', locale: 'de' });
    const track = (userId: string, timestamp: string, messageId: string) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/track',
        headers: auth,
        payload: { userId, event: 'Order Delivered', timestamp, messageId },
      });
    expect((await track('buyer', '2026-03-02T09:00:00Z', 'delivery-1')).statusCode).toBe(200);
    // A delivery from last year arriving through an import: history, not a trigger.
    expect((await track('old-buyer', '2025-03-02T09:00:00Z', 'delivery-old')).statusCode).toBe(200);
    // After-commit reactions run detached; give them a moment.
    await new Promise((r) => setTimeout(r, 200));

    clock = new Date('2026-03-02T20:00:00Z');
    expect((await remind(surveyId)).json().sent).toBe(0);
    expect(mailTo('buyer@example.de')).toHaveLength(0);

    clock = new Date('2026-03-03T09:30:00Z');
    expect((await remind(surveyId)).json().sent).toBe(1);
    const [mail] = mailTo('buyer@example.de');
    expect(mail?.text).toContain('https://cx.example/s/');
    expect(mailTo('old@example.de')).toHaveLength(0);

    // Sent once: the next run finds nothing due.
    expect((await remind(surveyId)).json().sent).toBe(0);
  });
});
