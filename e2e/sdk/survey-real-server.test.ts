import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, callCairn, openBrowser, waitForSdk } from './support/chromium.js';
import { pollUntil } from './support/ingest-target.js';
import { buildSdkForTest } from './support/sdk-build.js';
import { focusedInWidget, jump, widget } from './support/survey-fixtures.js';
import { SurveySite } from './support/survey-site.js';

const text = (en: string, de: string) => ({ en, de });

/** Stored form (every text in two languages); the server sends the SDK one language. */
const definition = {
  defaultLanguage: 'de',
  questions: [
    {
      id: 'nps',
      type: 'nps',
      title: text('How likely are you to recommend our shop?', 'Wie wahrscheinlich empfehlen Sie uns?'),
      required: true,
      logic: [jump('nps', 'lte', 6, 'why')],
    },
    {
      id: 'best',
      type: 'text',
      title: text('What did you like most?', 'Was hat Ihnen gefallen?'),
      required: false,
      logic: [jump('nps', 'gte', 7, 'end')],
    },
    {
      id: 'why',
      type: 'text',
      title: text('What should we improve?', 'Was sollen wir verbessern?'),
      required: false,
    },
  ],
  end: { title: text('Thank you!', 'Danke!') },
  thankYou: [
    {
      when: { questionId: 'nps', min: 9, max: 10 },
      title: text('Thanks, glad you like us!', 'Danke, schön dass es Ihnen gefällt!'),
      link: { url: 'https://reviews.example/shop', label: text('Leave a review', 'Bewerten') },
    },
  ],
};

interface ApiResult {
  status: number;
  body: Record<string, unknown>;
}

describe('survey widget in Chromium against the real Cairn server', () => {
  let close: () => Promise<void> = async () => {};
  let host = '';
  let api: (path: string, init?: { method?: string; body?: unknown }) => Promise<ApiResult>;
  let build: { dir: string; remove(): Promise<void> };
  let site: SurveySite;
  let browser: BrowserSession;

  beforeAll(async () => {
    const { startTestApp, adminHeaders } = await import('../../packages/server/src/test-support/test-app.js');
    const server = await startTestApp();
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    host = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    api = async (path, init = {}) => {
      const response = await fetch(`${host}/api/v1${path}`, {
        method: init.method ?? 'GET',
        headers: { ...adminHeaders, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    build = await buildSdkForTest();
    site = new SurveySite(build.dir);
    await site.start();
    browser = await openBrowser();
    close = async () => {
      await browser.close();
      await site.close();
      await build.remove();
      await server.close();
    };
  });
  afterAll(() => close());

  const expectStatus = (result: ApiResult, status: number, what: string) => {
    if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };

  it('shows a survey built through the API at its touchpoint after the trigger event, answered by keyboard, stored on the profile with its journey', async () => {
    const workspaceId = expectStatus(
      await api('/workspaces', { method: 'POST', body: { name: 'Survey e2e' } }),
      201,
      'workspace',
    ).id as string;
    const writeKey = expectStatus(
      await api(`/workspaces/${workspaceId}/write-keys`, { method: 'POST', body: { name: 'browser' } }),
      201,
      'write key',
    ).key as string;
    // The checkout touchpoint is a card payment completing; the survey is offered there and answers are kept there.
    const touchpointId = expectStatus(
      await api(`/workspaces/${workspaceId}/touchpoints`, {
        method: 'POST',
        body: {
          name: 'Card checkout',
          channel: 'web',
          stage: 'Purchase',
          rules: [{ event: 'Checkout Completed', properties: [{ name: 'payment', value: 'card' }] }],
        },
      }),
      201,
      'touchpoint',
    ).id as string;
    const surveyId = expectStatus(
      await api(`/workspaces/${workspaceId}/surveys`, {
        method: 'POST',
        body: {
          name: 'Checkout NPS',
          definition,
          settings: {
            trigger: { events: ['Checkout Completed'], touchpoints: [touchpointId] },
            display: { position: 'center', modal: true },
          },
        },
      }),
      201,
      'survey',
    ).id as string;
    expectStatus(
      await api(`/workspaces/${workspaceId}/surveys/${surveyId}/status`, {
        method: 'POST',
        body: { status: 'live' },
      }),
      200,
      'status',
    );

    const { page } = browser;
    const url = site.addPage('/checkout', {
      init: { writeKey, host, consent: 'granted', webVitals: false, flushAt: 1 },
      script: "cairn.page(); cairn.track('Added To Cart', { sku: 'boots-42' });",
      body: `<main><h1>Checkout</h1>
<button id="buy" type="button" onclick="cairn.track('Checkout Completed', { revenue: 12900, payment: 'card' })">Buy now</button></main>`,
    });
    await page.goto(url);
    await waitForSdk(page);
    const anonymousId = (await callCairn(page, 'anonymousId')) as string;

    // Keyboard only, from the page's button to the thank-you screen.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await widget(page).locator('[role="dialog"]').waitFor();
    // The page says lang="en", the survey speaks en and de: English it is.
    expect(await widget(page).locator('legend').textContent()).toBe(
      'How likely are you to recommend our shop?',
    );
    expect(await focusedInWidget(page)).toBe('input:radio:0');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInWidget(page)).toBe('textarea:textarea:');
    await page.keyboard.type('Quick checkout <b>really</b>');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => widget(page).locator('h2').textContent()).toBe('Thanks, glad you like us!');

    const profile = await pollUntil(
      () => api(`/workspaces/${workspaceId}/profiles/lookup?anonymousId=${encodeURIComponent(anonymousId)}`),
      (result) => result.status === 200,
    );
    const responses = await pollUntil(
      () => api(`/workspaces/${workspaceId}/surveys/${surveyId}/responses`),
      (result) =>
        ((result.body.items as { status: string }[] | undefined) ?? []).some((r) => r.status === 'completed'),
    );
    const items = responses.body.items as Record<string, unknown>[];
    expect(items).toHaveLength(1); // two posts (one per step), one response
    const [response] = items;
    expect(response).toMatchObject({
      profileId: profile.body.id,
      channel: 'web',
      locale: 'en',
      status: 'completed',
      surveyVersion: 1,
      touchpointId,
      journeyStage: 'Purchase',
    });
    const answers = response?.answers as {
      questionId: string;
      numberValue: number | null;
      textValue: string | null;
    }[];
    expect(answers.map((a) => [a.questionId, a.numberValue ?? a.textValue])).toEqual(
      expect.arrayContaining([
        ['nps', 9],
        ['best', 'Quick checkout <b>really</b>'],
      ]),
    );
    const journey = JSON.stringify(response?.journeyContext);
    expect(journey).toContain('Checkout Completed');
    expect(journey).toContain('Added To Cart');
  });
});
