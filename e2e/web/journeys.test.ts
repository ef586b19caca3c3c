import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  analyticsWorkspace,
  type TrackInput,
} from '../../packages/server/src/domains/analytics/analytics-test-support.js';
import { adminHeaders } from '../../packages/server/src/test-support/test-app.js';
import { type Chromium, launchChromium } from '../support/chromium.js';
import { unlabelledControls } from './support/accessibility.js';
import { type LiveServer, startLiveServer } from './support/live-server.js';
import { screenshot, watchForProblems } from './support/page-watch.js';
import { steps } from './support/steps.js';

/**
 * The Journeys screen in real Chromium on a small hand-computed world: four customers, two days ago.
 *   c1 web:    Product Viewed → Product Added → Order Completed
 *   c2:        Product Viewed (web) → Product Added (app)            (a web → app switch)
 *   c3 app:    Product Viewed → <img src=x onerror=alert(1)>         (hostile event name)
 *   c4:        Newsletter Opened (email) → Product Viewed → Product Added → Order Completed (web)
 * Funnel Viewed → Added → Completed within a day: 4 → 3 → 2, i.e. 75.0 % then 50.0 % of step 1 (66.7 % of step 2).
 */
const hostile = '<img src=x onerror=alert(1)>';
const analyst = { email: 'ana@example.com', password: 'analyst passphrase 2024' };
const slow = { timeout: 90_000 };

function world(base: number): TrackInput[] {
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  const ev = (userId: string, event: string, minutes: number, channel = 'web'): TrackInput => ({
    userId,
    event,
    timestamp: at(minutes),
    channel,
  });
  return [
    ev('c1', 'Product Viewed', 0),
    ev('c1', 'Product Added', 5),
    ev('c1', 'Order Completed', 10),
    ev('c2', 'Product Viewed', 0),
    ev('c2', 'Product Added', 30, 'app'),
    ev('c3', 'Product Viewed', 0, 'app'),
    ev('c3', hostile, 2, 'app'),
    ev('c4', 'Newsletter Opened', 0, 'email'),
    ev('c4', 'Product Viewed', 20),
    ev('c4', 'Product Added', 25),
    ev('c4', 'Order Completed', 40),
  ];
}

describe('journeys screen in Chromium', () => {
  let server: LiveServer;
  let browser: Chromium;
  let page: Page;
  let problems: string[];
  let journeysUrl = '';

  beforeAll(async () => {
    server = await startLiveServer();
    const { app } = server.app;
    const setup = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'owner@example.com', password: 'owner passphrase 2024', workspaceName: 'First' },
    });
    if (setup.statusCode !== 201) throw new Error(`setup: ${setup.body}`);
    const shop = await analyticsWorkspace(server.app);
    const base = Date.now() - 2 * 86_400_000;
    await shop.send(world(base));
    await answerAtProductPage(server, shop, base);
    const workspaceId = shop.workspaceId;
    const member = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/members`,
      headers: adminHeaders,
      payload: { ...analyst, role: 'analyst', name: 'Ana Analyst' },
    });
    if (member.statusCode !== 201) throw new Error(`member: ${member.body}`);
    journeysUrl = `${server.baseUrl}/w/${workspaceId}/journeys`;

    browser = await launchChromium();
    page = await browser.context.newPage();
    problems = watchForProblems(page);
    await page.goto(`${server.baseUrl}/login`);
    await steps.signIn(page, analyst.email, analyst.password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(page, `failed-journeys-${context.task.name.slice(0, 30)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds a funnel in the UI and shows the hand-computed conversion', slow, async () => {
    await page.goto(`${journeysUrl}?view=funnel`);
    await steps.expectHeading(page, 'Journeys');
    await page.getByLabel('Step 1 event name').fill('Product Viewed');
    await page.getByLabel('Step 2 event name').fill('Product Added');
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Step 3 event name').fill('Order Completed');
    await page.getByLabel('Conversion window').selectOption('86400');
    await page.getByRole('button', { name: 'Show funnel' }).click();

    const table = page.getByRole('table', { name: 'Conversion and drop-off per step' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.split('\t').map((cell) => cell.trim()))).toEqual([
      ['1. Product Viewed', '4', '100.0 %', '–', '0'],
      ['2. Product Added', '3', '75.0 %', '75.0 %', '1'],
      ['3. Order Completed', '2', '50.0 %', '66.7 %', '1'],
    ]);
    await page.getByRole('img', { name: /4 customers at step 1, 2 at the last step \(50\.0 %\)/ }).waitFor();
    // The chart code loads on first use; the canvas follows the text alternative.
    await page.locator('.chart canvas').first().waitFor();
    // The builder's choices are in the address, so the view can be shared and survives a reload.
    const url = new URL(page.url());
    expect(url.searchParams.getAll('step')).toEqual([
      'e:Product Viewed',
      'e:Product Added',
      'e:Order Completed',
    ]);
    await page.reload();
    await table.waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'journeys-funnel');
  });

  it('breaks the funnel down by channel', slow, async () => {
    await page.getByLabel('Break down by').selectOption('channel');
    await page.getByRole('button', { name: 'Show funnel' }).click();
    await page.getByRole('heading', { name: 'Group: web' }).waitFor();
    await page.getByRole('heading', { name: 'Group: app' }).waitFor();
    expect(new URL(page.url()).searchParams.get('by')).toBe('channel');
  });

  it('draws the paths after a step as a Sankey with a table, hostile event names as text', slow, async () => {
    await page.getByRole('link', { name: 'Paths' }).click();
    await page.getByLabel('Step (event name)').fill('Product Viewed');
    await page.getByRole('button', { name: 'Show paths' }).click();
    const chart = page.getByRole('img', {
      name: /Sankey diagram of the paths around Product Viewed taken by 4 customers/,
    });
    await chart.waitFor();
    await chart.locator('canvas').waitFor();
    expect(await chart.locator('canvas').count()).toBe(1);
    const table = page.getByRole('table', { name: 'Most frequent paths' });
    await table
      .getByRole('rowheader', { name: 'Product Viewed → Product Added → Order Completed' })
      .waitFor();
    await table.getByRole('rowheader', { name: `Product Viewed → ${hostile}` }).waitFor();
    await steps.expectNoScriptRan(page);
    expect(new URL(page.url()).searchParams.get('view')).toBe('paths');
    await screenshot(page, 'journeys-paths');
  });

  it('lists where customers switch channels', slow, async () => {
    await page.getByRole('link', { name: 'Channel switches' }).click();
    const table = page.getByRole('table', { name: 'Channel switches by customers' });
    await table.waitFor();
    const rows = (await table.locator('tbody tr').allInnerTexts()).map((row) =>
      row.split('\t').map((c) => c.trim()),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Web', 'App', '1', '1'],
        ['E-mail', 'Web', '1', '1'],
      ]),
    );
    expect(rows).toHaveLength(2);
    await screenshot(page, 'journeys-channel-switches');
  });

  it('defines a journey in the UI and maps reach and conversion per stage', slow, async () => {
    await page.getByRole('link', { name: 'Journey map' }).click();
    await page.getByRole('button', { name: 'New journey' }).click();
    const form = page.getByRole('form', { name: 'New journey' });
    await form.getByLabel('Journey name').fill('Online purchase');
    for (const [number, name, event] of [
      [1, 'Discover', 'Product Viewed'],
      [2, 'Purchase', 'Order Completed'],
    ] as const) {
      const stage = form.getByRole('group', { name: `Stage ${number}` });
      await stage.getByLabel('Stage name').fill(name);
      await stage.getByLabel('Event names').fill(event);
    }
    expect(await unlabelledControls(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save journey' }).click();
    await form.waitFor({ state: 'detached' });
    // Discover: all four viewed a product; Purchase: c1 and c4 ordered after viewing → 2 of 4 = 50.0 %.
    await page.getByRole('img', { name: 'Customers per stage: Discover 4, Purchase 2' }).waitFor();
    const purchase = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Purchase' }) });
    expect(await purchase.locator('dd').first().textContent()).toBe('2');
    await purchase.getByText('50.0 %').first().waitFor();
    expect(new URL(page.url()).searchParams.get('journey')).toMatch(/^[0-9a-f-]{36}$/);
    await screenshot(page, 'journeys-map');
  });

  it('ranks key moments: a poor experience at the product page before no order', slow, async () => {
    await page.getByRole('link', { name: 'Key moments' }).click();
    const table = page.getByRole('table', { name: /Outcome after a poor versus any other experience/ });
    await table.waitFor();
    const rows = (await table.locator('tbody tr').allInnerTexts()).map((row) =>
      row.split('\t').map((c) => c.trim()),
    );
    // Poor (NPS 3 and 2): c2, c3, neither ordered → 0 %; other (9, 10): c1, c4, both ordered → 100 %.
    expect(rows).toEqual([
      [
        'Product page',
        'Discover',
        '0.0 % (n = 2)',
        '100.0 % (n = 2)',
        '-100.0 pp',
        expect.stringMatching(/ pp$/),
        'No',
      ],
    ]);
    await page.getByLabel('Outcome').selectOption('churn');
    expect(new URL(page.url()).searchParams.get('outcome')).toBe('churn');
    await screenshot(page, 'journeys-key-moments');
  });

  it('ran no script from data and logged no errors', async () => {
    await steps.expectNoScriptRan(page);
    expect(problems).toEqual([]);
  });
});

/**
 * NPS answers given at a "Product page" touchpoint (event Product Viewed), one per customer just after viewing:
 * c1 9 and c4 10 (not poor), c2 3 and c3 2 (poor, NPS detractors). Answers go in as the survey engine stores them.
 */
async function answerAtProductPage(
  server: LiveServer,
  shop: Awaited<ReturnType<typeof analyticsWorkspace>>,
  base: number,
): Promise<void> {
  const created = await server.app.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${shop.workspaceId}/touchpoints`,
    headers: adminHeaders,
    payload: {
      name: 'Product page',
      channel: 'web',
      stage: 'Discover',
      rules: [{ event: 'Product Viewed' }],
    },
  });
  if (created.statusCode !== 201) throw new Error(`touchpoint: ${created.body}`);
  const touchpoint = created.json().id as string;
  const profiles = await shop.database.autocommit.all(
    'SELECT DISTINCT user_id, profile_id FROM events WHERE workspace_id = $1',
    [shop.workspaceId],
  );
  const profileOf = (userId: string) => String(profiles.find((row) => row.user_id === userId)?.profile_id);
  for (const [userId, score, minute] of [
    ['c1', 9, 1],
    ['c2', 3, 1],
    ['c3', 2, 1],
    ['c4', 10, 21],
  ] as const) {
    const at = new Date(base + minute * 60_000).toISOString();
    await shop.answer({ type: 'nps', score, at, touchpoint, profileId: profileOf(userId) });
  }
}
