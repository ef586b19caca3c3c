import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyticsWorkspace } from '../../packages/server/src/domains/analytics/analytics-test-support.js';
import { adminHeaders } from '../../packages/server/src/test-support/test-app.js';
import { type Chromium, launchChromium } from '../support/chromium.js';
import { unlabelledControls } from './support/accessibility.js';
import { type LiveServer, startLiveServer } from './support/live-server.js';
import { screenshot, watchForProblems } from './support/page-watch.js';
import { steps } from './support/steps.js';

/**
 * The touchpoint registry in real Chromium: an analyst creates and edits mapping rules (server validation shown at
 * the field), coverage flags gaps, a viewer sees no edit controls. Events: 3 × Product Added, 4 × Product Viewed.
 */
const hostile = '<img src=x onerror=alert(1)>';
const analyst = { email: 'ana@example.com', password: 'analyst passphrase 2024' };
const viewer = { email: 'vic@example.com', password: 'viewer passphrase 2024' };
const slow = { timeout: 90_000 };

describe('touchpoints screen in Chromium', () => {
  let server: LiveServer;
  let browser: Chromium;
  let page: Page;
  let problems: string[];
  let touchpointsUrl = '';

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
    const base = Date.now() - 86_400_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    await shop.send([
      ...['c1', 'c2', 'c3', 'c4'].map((userId, i) => ({ userId, event: 'Product Viewed', timestamp: at(i) })),
      ...['c1', 'c2', 'c3'].map((userId, i) => ({ userId, event: 'Product Added', timestamp: at(10 + i) })),
    ]);
    for (const [email, password, role] of [
      [analyst.email, analyst.password, 'analyst'],
      [viewer.email, viewer.password, 'viewer'],
    ]) {
      const member = await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${shop.workspaceId}/members`,
        headers: adminHeaders,
        payload: { email, password, role },
      });
      if (member.statusCode !== 201) throw new Error(`member: ${member.body}`);
    }
    // A touchpoint nobody has reached yet, with a hostile name: flagged as not instrumented, shown as text.
    const stored = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${shop.workspaceId}/touchpoints`,
      headers: adminHeaders,
      payload: { name: hostile, channel: 'store', stage: 'Visit', rules: [{ event: 'Store Visit' }] },
    });
    if (stored.statusCode !== 201) throw new Error(`touchpoint: ${stored.body}`);
    touchpointsUrl = `${server.baseUrl}/w/${shop.workspaceId}/touchpoints`;

    browser = await launchChromium();
    page = await browser.context.newPage();
    problems = watchForProblems(page);
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(page, `failed-touchpoints-${context.task.name.slice(0, 30)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rowOf = (name: string) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

  it('shows the registry with coverage gaps flagged and hostile names as text', slow, async () => {
    await page.goto(`${server.baseUrl}/login`);
    await steps.signIn(page, analyst.email, analyst.password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(touchpointsUrl);
    await steps.expectHeading(page, 'Touchpoints');
    const row = rowOf(hostile);
    await row.getByText('Not instrumented').waitFor();
    await row.getByText('Not measured').waitFor();
    await steps.expectNoScriptRan(page);
  });

  it(
    'refuses a rule without event or page path next to the rule, then creates the touchpoint',
    slow,
    async () => {
      await page.getByRole('button', { name: 'New touchpoint' }).click();
      const form = page.getByRole('region', { name: 'New touchpoint' });
      await form.getByLabel('Name', { exact: true }).fill('Cart');
      await form.getByLabel('Stage', { exact: true }).fill('Consider');
      await form.getByLabel('Owner team').fill('Web shop');
      await form.getByRole('button', { name: 'Save touchpoint' }).click();
      await form.getByText('This rule: must give event or urlPattern').waitFor();
      await form.getByRole('alert').getByText('Please correct the marked fields.').waitFor();
      expect(await unlabelledControls(page)).toEqual([]);
      await screenshot(page, 'touchpoints-validation');

      await form.getByLabel('Event name').fill('Product Added');
      await form.getByRole('button', { name: 'Save touchpoint' }).click();
      await form.waitFor({ state: 'detached' });
      const row = rowOf('Cart');
      await row.getByRole('cell', { name: 'Product Added', exact: true }).waitFor();
      await row.getByRole('cell', { name: '3', exact: true }).waitFor();
      expect(await row.getByText('Not instrumented').count()).toBe(0);
      await row.getByText('Not measured').waitFor();
    },
  );

  it('edits the rule and the coverage follows at once', slow, async () => {
    await page.getByRole('button', { name: 'Edit touchpoint Cart' }).click();
    const form = page.getByRole('region', { name: 'Edit “Cart”' });
    await form.getByLabel('Event name').fill('Product Viewed');
    await form.getByLabel('Property equalities').fill('');
    await form.getByRole('button', { name: 'Save touchpoint' }).click();
    await form.waitFor({ state: 'detached' });
    const row = rowOf('Cart');
    await row.getByRole('cell', { name: 'Product Viewed', exact: true }).waitFor();
    await row.getByRole('cell', { name: '4', exact: true }).waitFor();
    await screenshot(page, 'touchpoints-registry');
  });

  it('deletes a touchpoint only after confirmation', slow, async () => {
    await page.getByRole('button', { name: `Delete touchpoint ${hostile}` }).click();
    await rowOf(hostile).getByRole('button', { name: 'Cancel' }).click();
    await rowOf(hostile).waitFor();
    await page.getByRole('button', { name: `Delete touchpoint ${hostile}` }).click();
    await rowOf(hostile).getByRole('button', { name: 'Yes, do it' }).click();
    await rowOf(hostile).waitFor({ state: 'detached' });
    await steps.expectNoScriptRan(page);
  });

  it('shows a viewer the registry without any edit control', slow, async () => {
    await steps.signOut(page);
    await steps.signIn(page, viewer.email, viewer.password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(touchpointsUrl);
    await steps.expectHeading(page, 'Touchpoints');
    await rowOf('Cart').waitFor();
    expect(await page.getByRole('button', { name: 'New touchpoint' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Delete)/ }).count()).toBe(0);
    await page.goto(touchpointsUrl.replace('/touchpoints', '/journeys?view=map'));
    await steps.expectHeading(page, 'Journeys');
    expect(await page.getByRole('button', { name: 'New journey' }).count()).toBe(0);
    await screenshot(page, 'touchpoints-viewer');
  });

  it('logged no errors and ran no script from data', async () => {
    await steps.expectNoScriptRan(page);
    expect(problems).toEqual([]);
  });
});
