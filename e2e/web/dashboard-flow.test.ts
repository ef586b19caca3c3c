import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Chromium, launchChromium } from '../support/chromium.js';
import { type LiveServer, startLiveServer } from './support/live-server.js';
import { screenshot, watchForProblems, workspaceIdOf } from './support/page-watch.js';
import { steps } from './support/steps.js';

/**
 * The dashboard in real Chromium against a real server: first-run setup through to a viewer who must not see
 * what they cannot use. The tests build on each other, in order, like one person's session.
 */
const xss = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
const owner = { email: 'owner@example.com', password: 'correct horse battery staple', name: 'Olga Owner' };
const viewer = { email: 'viewer@example.com', password: 'viewer passphrase 2024', name: `Vera ${xss}` };
const secondWorkspaceName = `Second ${xss}`;
const slow = { timeout: 90_000 };

describe('dashboard in Chromium', () => {
  let server: LiveServer;
  let browser: Chromium;
  let page: Page;
  let problems: string[];
  let workspaceA = '';
  let workspaceB = '';
  let httpSnippet = '';

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchChromium();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    page = await browser.context.newPage();
    problems = watchForProblems(page);
  }, 240_000);

  // What the page looked like when a step failed: the first thing to look at when this suite goes red.
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(page, `failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('completes first-run setup and lands on the new workspace', slow, async () => {
    await page.goto(`${server.baseUrl}/`);
    await steps.expectHeading(page, 'Set up Cairn');
    expect(new URL(page.url()).pathname).toBe('/setup');
    await screenshot(page, '01-setup');
    await page.getByLabel('Workspace name').fill('Acme Shop');
    await page.getByLabel('Your name (optional)').fill(owner.name);
    await page.getByLabel('E-mail address').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Create account and workspace' }).click();
    await steps.expectHeading(page, 'Acme Shop');
    workspaceA = workspaceIdOf(page.url());
    await page.getByText(owner.name, { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'No reports yet' }).waitFor();
    await page.getByRole('link', { name: 'Go to write keys' }).waitFor();
    await screenshot(page, '02-overview');
  });

  it('signs out, refuses a wrong password, and signs in again', slow, async () => {
    await steps.signOut(page);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await steps.apiFromPage(page, 'GET', '/api/v1/me')).status).toBe(401);
    await steps.signIn(page, owner.email, 'not the password at all');
    await page.getByRole('alert').getByText('The e-mail address or password is wrong.').waitFor();
    await screenshot(page, '03-login-error');
    await steps.signIn(page, owner.email, owner.password);
    await steps.expectHeading(page, 'Acme Shop');
    expect(workspaceIdOf(page.url())).toBe(workspaceA);
  });

  it('switches to German, keeps it across a reload, and back to English', slow, async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await page.getByRole('heading', { name: 'Noch keine Berichte' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Übersicht' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await screenshot(page, '04-overview-german');
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('creates a second workspace (its name is shown as text) and switches between them', slow, async () => {
    await page.getByRole('link', { name: 'New workspace' }).click();
    await steps.expectHeading(page, 'New workspace');
    await page.getByLabel('Name').fill(secondWorkspaceName);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await steps.expectHeading(page, secondWorkspaceName);
    workspaceB = workspaceIdOf(page.url());
    expect(workspaceB).not.toBe(workspaceA);
    await steps.expectNoScriptRan(page);

    const switcher = page.getByRole('combobox', { name: 'Workspace' });
    await switcher.selectOption(workspaceA);
    await steps.expectHeading(page, 'Acme Shop');
    expect(workspaceIdOf(page.url())).toBe(workspaceA);
    await steps.openNav(page, 'Members');
    await switcher.selectOption(workspaceB);
    // The page is kept when the role allows it there: owners see members in both workspaces.
    await steps.expectHeading(page, 'Members');
    expect(new URL(page.url()).pathname).toBe(`/w/${workspaceB}/settings/members`);
    await switcher.selectOption(workspaceA);
    await steps.expectHeading(page, 'Members');
  });

  it('creates an API token, shows it once with a copy button, and revokes it', slow, async () => {
    await steps.openNav(page, 'API tokens');
    await steps.expectHeading(page, 'API tokens');
    await page.getByLabel('Name').fill('CI export');
    await page.getByLabel('Role').selectOption('analyst');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('heading', { name: 'Token “CI export” created' }).waitFor();
    const token = await page.getByRole('textbox', { name: 'Token' }).inputValue();
    expect(token).toMatch(/^cairn_pat_/);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(token);
    await screenshot(page, '05-api-token-created');

    const asToken = await fetch(`${server.baseUrl}/api/v1/workspaces/${workspaceA}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asToken.status).toBe(200);

    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await page.getByRole('row', { name: /CI export/ }).waitFor();
    expect(await page.content()).not.toContain(token);

    await page.getByRole('button', { name: 'Revoke token CI export' }).click();
    await page.getByRole('button', { name: 'Yes, do it' }).click();
    await page
      .getByRole('row', { name: /CI export/ })
      .getByText(/^Revoked/)
      .waitFor();
    const afterRevoke = await fetch(`${server.baseUrl}/api/v1/workspaces/${workspaceA}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(afterRevoke.status).toBe(401);
  });

  it('creates a write key whose install snippet carries the key and the host', slow, async () => {
    await steps.openNav(page, 'Write keys');
    await steps.expectHeading(page, 'Write keys');
    await page.getByLabel('Name').fill('Website');
    await page.getByRole('button', { name: 'Create write key' }).click();
    const key =
      (await page
        .getByRole('row', { name: /Website/ })
        .locator('code')
        .textContent()) ?? '';
    expect(key).toMatch(/^cairn_wk_/);
    await page.getByRole('heading', { name: 'Install with “Website”' }).waitFor();
    const snippets = await page.locator('.snippet pre').allTextContents();
    expect(snippets).toHaveLength(2);
    for (const snippet of snippets) {
      expect(snippet).toContain(key);
      expect(snippet).toContain(server.baseUrl);
    }
    await screenshot(page, '06-write-keys');
    httpSnippet = snippets[1] ?? '';

    await steps.openNav(page, 'Overview');
    await page.getByText('Use the write key “Website”.').waitFor();
    expect(await page.locator('.snippet pre').first().textContent()).toContain(key);
  });

  it("accepts the HTTP snippet's test event at /v1/track", slow, async () => {
    // The snippet is a real request: send exactly what it shows (URL, Basic-auth user, JSON body).
    const url = httpSnippet.match(/curl -X POST '([^']+)'/)?.[1] ?? '';
    const user = httpSnippet.match(/-u '([^']+)'/)?.[1] ?? '';
    const body = httpSnippet.match(/-d '(.+)'$/m)?.[1] ?? '';
    expect(url).toBe(`${server.baseUrl}/v1/track`);
    const sent = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(user).toString('base64')}`,
        'content-type': 'application/json',
      },
      body,
    });
    expect(sent.status, await sent.text()).toBe(200);
  });

  it('edits the workspace settings', slow, async () => {
    await steps.openNav(page, 'Workspace');
    await steps.expectHeading(page, 'Workspace settings');
    await page.getByLabel('Time zone').selectOption('Europe/Vienna');
    await page.getByLabel('Default language').selectOption('en');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    const saved = await steps.apiFromPage(page, 'GET', `/api/v1/workspaces/${workspaceA}`);
    expect(saved.json).toMatchObject({ timeZone: 'Europe/Vienna', defaultLocale: 'en' });
    await screenshot(page, '07-workspace-settings');
  });

  it('adds members, shows a hostile name as text, changes a role and removes a member', slow, async () => {
    await steps.openNav(page, 'Members');
    const add = async (email: string, name: string, role: string, password: string) => {
      await page.getByLabel('E-mail address').fill(email);
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Role', { exact: true }).selectOption(role);
      await page.getByLabel('Initial password').fill(password);
      await page.getByRole('button', { name: 'Add member' }).click();
      await page.getByText(`${email} was added.`).waitFor();
    };
    await add(viewer.email, viewer.name, 'viewer', viewer.password);
    await page.getByRole('rowheader', { name: viewer.name, exact: true }).waitFor();
    await steps.expectNoScriptRan(page);

    await add('temp@example.com', 'Temp Analyst', 'analyst', 'temporary passphrase 1');
    await page.getByRole('combobox', { name: 'Role of Temp Analyst' }).selectOption('agent');
    await expect
      .poll(async () => {
        const members = await steps.apiFromPage(page, 'GET', `/api/v1/workspaces/${workspaceA}/members`);
        const items = (members.json as { items: { email: string; role: string }[] }).items;
        return items.find((m) => m.email === 'temp@example.com')?.role;
      })
      .toBe('agent');
    await screenshot(page, '08-members');
    await page.getByRole('button', { name: 'Remove Temp Analyst' }).click();
    await page.getByRole('button', { name: 'Yes, do it' }).click();
    await page.getByRole('rowheader', { name: 'Temp Analyst' }).waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '09-members-narrow-screen');
    expect(problems).toEqual([]);
  });

  it('shows a viewer no admin controls, and the API refuses them the admin calls', slow, async () => {
    const viewerBrowser = await launchChromium();
    try {
      const vp = await viewerBrowser.context.newPage();
      const viewerProblems = watchForProblems(vp);
      await vp.goto(`${server.baseUrl}/`);
      await steps.signIn(vp, viewer.email, viewer.password);
      await steps.expectHeading(vp, 'Acme Shop');
      // Workspace A has received the snippet's test event, so the viewer sees the key figures, not the guide.
      await vp.getByRole('heading', { name: 'Key figures for this period' }).waitFor();
      // The only links: skip link, brand, creating an own workspace (any user may), and the screens that show
      // aggregates; no responses, profiles or settings.
      expect(await vp.getByRole('link').allTextContents()).toEqual([
        'Skip to content',
        'Cairn',
        'New workspace',
        'Overview',
        'Journeys',
        'Touchpoints',
        'Surveys',
      ]);
      // Besides signing out, only the filter bar's quick picks: reading controls, nothing that changes data.
      expect(await vp.getByRole('button').allTextContents()).toEqual([
        'Sign out',
        '7 days',
        '30 days',
        '90 days',
        '12 months',
      ]);
      await vp.getByText(viewer.name, { exact: true }).waitFor();
      await steps.expectNoScriptRan(vp);
      await screenshot(vp, '10-viewer-overview');

      await vp.goto(`${server.baseUrl}/w/${workspaceA}/settings/members`);
      await steps.expectHeading(vp, 'Not available with your role');
      expect(await vp.getByRole('button').allTextContents()).toEqual(['Sign out']);
      await screenshot(vp, '11-viewer-settings-refused');

      const ws = `/api/v1/workspaces/${workspaceA}`;
      const adminCalls: [string, string, unknown?][] = [
        ['GET', `${ws}/members`],
        [
          'POST',
          `${ws}/members`,
          { email: 'x@example.com', role: 'viewer', password: 'some long passphrase' },
        ],
        ['GET', `${ws}/tokens`],
        ['POST', `${ws}/tokens`, { name: 'sneaky', role: 'viewer' }],
        ['GET', `${ws}/write-keys`],
        ['POST', `${ws}/write-keys`, { name: 'sneaky' }],
        ['PATCH', ws, { name: 'Taken over' }],
      ];
      for (const [method, path, body] of adminCalls) {
        const answer = await steps.apiFromPage(vp, method, path, body);
        expect({ method, path, status: answer.status, json: answer.json }).toMatchObject({
          status: 403,
          json: { error: { code: 'CAIRN_FORBIDDEN' } },
        });
      }
      expect(viewerProblems).toEqual([]);
    } finally {
      await viewerBrowser.close();
    }
  });
});
