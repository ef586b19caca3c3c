import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth } from '../../packages/server/src/test-support/ingest.js';
import { adminHeaders } from '../../packages/server/src/test-support/test-app.js';
import { type Chromium, launchChromium } from '../support/chromium.js';
import { type LiveServer, startLiveServer } from './support/live-server.js';
import { screenshot, watchForProblems } from './support/page-watch.js';
import { steps } from './support/steps.js';

/**
 * The overview in real Chromium on a small world seeded through the public APIs (/v1/batch, surveys, response
 * import), in a UTC workspace. The URL names a 10-day range ending today; the previous period is the 10 days
 * before it. Every expected figure is worked out by hand in the comments below.
 */
const owner = { email: 'overview@example.com', password: 'overview passphrase 2026' };
const xss = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
const slow = { timeout: 60_000 };
const dayMs = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const day = (offset: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + offset * dayMs).toISOString().slice(0, 10);
// Current period [today−9, today]; "yesterday" may fall on the previous day only just after midnight, still inside.
const current = new Date(Date.now() - dayMs).toISOString();
const previous = `${day(-15)}T12:00:00.000Z`;
const range = `from=${day(-9)}&to=${today}`;

describe('overview in Chromium', () => {
  let server: LiveServer;
  let browser: Chromium;
  let page: Page;
  let problems: string[];
  let workspaceId = '';

  const inject = async (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
    headers: Record<string, string> = adminHeaders,
  ) => {
    const res = await server.app.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  beforeAll(async () => {
    server = await startLiveServer();
    const setup = await inject('POST', '/api/v1/setup', { ...owner, workspaceName: `Overview ${xss}` }, {});
    workspaceId = setup.workspace.id;
    await inject('PATCH', `/api/v1/workspaces/${workspaceId}`, { timeZone: 'UTC' });
    const { key } = await inject('POST', `/api/v1/workspaces/${workspaceId}/write-keys`, { name: 'web' });

    // Events. Current: u1–u4 active, u1 orders → conversion 1/4 = 25 %. Previous: u1, u5, u6, u7 active, u5 and
    // u6 order → 2/4 = 50 %. Churn: of the previous period's u1, u5, u6, u7 only u1 is active now → 3/4 = 75 %.
    // u3 and u4 come by e-mail: with channel=email, conversion is 0 of 2 = 0 %.
    const track = (userId: string, event: string, timestamp: string, channel = 'web') => ({
      type: 'track',
      messageId: `${userId}-${event}-${timestamp}`,
      userId,
      event,
      timestamp,
      properties: { channel },
    });
    const batch = [
      track('u1', 'Product Viewed', current),
      track('u1', 'Order Completed', current),
      track('u2', 'Product Viewed', current),
      track('u3', 'Product Viewed', current, 'email'),
      track('u4', 'Product Viewed', current, 'email'),
      ...['u1', 'u5', 'u6', 'u7'].map((u) => track(u, 'Product Viewed', previous)),
      track('u5', 'Order Completed', previous),
      track('u6', 'Order Completed', previous),
    ];
    const stored = await inject('POST', '/v1/batch', { batch }, { authorization: basicAuth(key) });
    expect(stored.stored).toBe(batch.length);

    const survey = await inject('POST', `/api/v1/workspaces/${workspaceId}/surveys`, {
      name: 'Pulse',
      settings: {},
      definition: {
        defaultLanguage: 'en',
        questions: [
          { id: 'nps', type: 'nps', title: { en: 'Recommend us?' } },
          { id: 'csat', type: 'csat', style: 'stars', title: { en: 'Satisfied?' } },
          { id: 'ces', type: 'ces', title: { en: 'Easy?' } },
          { id: 'why', type: 'text', required: false, title: { en: 'Why?' } },
        ],
        end: { title: { en: 'Thanks' } },
      },
    });
    await inject('POST', `/api/v1/workspaces/${workspaceId}/surveys/${survey.id}/status`, { status: 'live' });
    // Current answers (u1–u4): NPS 10, 9, 6, 8 → (2 promoters − 1 detractor)/4 = 25; CSAT 5, 4, 2, 3 → 2/4 = 50 %;
    // CES 6, 5, 3, 2 → 16/4 = 4. E-mail only (u3, u4): NPS (0 − 1)/2 = −50, CSAT 0 %, CES 2.5.
    // Previous (u5–u7): NPS 0, 3, 10 → (1 − 2)/3 = −33.3, so the change is 25 − (−33.3) = +58.3 points.
    const answer = (userId: string, at: string, channel: string, nps: number, csat: number, ces: number) => ({
      externalId: `${userId}-${at}`,
      submittedAt: at,
      profile: { userId },
      language: 'en',
      channel,
      answers: { nps, csat, ces, why: xss },
    });
    await inject('POST', `/api/v1/workspaces/${workspaceId}/surveys/${survey.id}/responses/import`, {
      responses: [
        answer('u1', current, 'web', 10, 5, 6),
        answer('u2', current, 'web', 9, 4, 5),
        answer('u3', current, 'email', 6, 2, 3),
        answer('u4', current, 'email', 8, 3, 2),
        answer('u5', previous, 'web', 0, 1, 1),
        answer('u6', previous, 'web', 3, 2, 2),
        answer('u7', previous, 'email', 10, 5, 7),
      ],
    });

    browser = await launchChromium();
    page = await browser.context.newPage();
    problems = watchForProblems(page);
    await page.goto(`${server.baseUrl}/login`);
    await steps.signIn(page, owner.email, owner.password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(page, `failed-overview-${context.task.name.slice(0, 30)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const tile = (name: string) => page.getByRole('article', { name, exact: true });
  const value = (name: string) => tile(name).locator('.kpi-value').textContent();
  const tilesReady = () =>
    expect.poll(() => page.locator('.kpi-tile[aria-busy="false"]').count(), { timeout: 30_000 }).toBe(5);

  it('shows each KPI as computed by hand, with interval, change and significance', slow, async () => {
    await page.goto(`${server.baseUrl}/w/${workspaceId}?${range}`);
    await tilesReady();
    expect(await value('NPS')).toBe('25');
    expect(await value('CSAT')).toBe('50 %');
    expect(await value('CES')).toBe('4');
    expect(await value('Conversion rate')).toBe('25 %');
    expect(await value('Churn rate')).toBe('75 %');
    // NPS: var = (0.5 + 0.25 − 0.25²)/4 = 0.171875, half width 1.96·√var = 81.3 points → −56.3 to 106.3.
    await tile('NPS').getByText('95% confidence interval: -56.3 to 106.3').waitFor();
    await tile('NPS').getByText('From 4 answers').waitFor();
    expect(await tile('NPS').locator('.kpi-change').textContent()).toMatch(
      /^\+58\.3 pts vs the previous period · /,
    );
    await tile('Conversion rate').getByText('-25.0 pts', { exact: true }).waitFor();
    await tile('Conversion rate').getByText('not statistically significant', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'What changed most this period' }).waitFor();
    await page.locator('section[aria-labelledby="movers-title"][aria-busy="false"]').waitFor();
    await page.getByRole('link', { name: 'Channel E-mail' }).first().waitFor();
    await steps.expectNoScriptRan(page);
    await screenshot(page, 'overview-kpis');
  });

  it(
    'writes a changed filter to the URL and shows the filtered figures, also after a reload',
    slow,
    async () => {
      await page.getByLabel('Channel').selectOption('email');
      await page.waitForURL((url) => url.searchParams.get('channel') === 'email');
      expect(new URL(page.url()).search).toBe(`?${range}&channel=email`);
      await tilesReady();
      // The tiles keep no previous data, so a value shown after the URL changed is the filtered one.
      await tile('NPS').locator('.kpi-value').filter({ hasText: /^-50$/ }).waitFor();
      await tilesReady();
      expect(await value('CSAT')).toBe('0 %');
      expect(await value('CES')).toBe('2.5');
      expect(await value('Conversion rate')).toBe('0 %');

      await page.reload();
      await tilesReady();
      expect(await page.getByLabel('Channel').inputValue()).toBe('email');
      expect(await page.getByLabel('From').inputValue()).toBe(day(-9));
      expect(await value('NPS')).toBe('-50');

      await page.getByRole('button', { name: '7 days' }).click();
      await page.waitForURL((url) => url.searchParams.get('from') === day(-6));
      expect(await page.getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe('true');
      expect(problems).toEqual([]);
    },
  );
});
