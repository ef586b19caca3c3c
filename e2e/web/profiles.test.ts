import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Chromium, launchChromium } from '../support/chromium.js';
import { unlabelledControls } from './support/accessibility.js';
import { type LiveServer, startLiveServer } from './support/live-server.js';
import { screenshot, watchForProblems } from './support/page-watch.js';
import { hostileAnswer, type PeopleWorld, people, seedPeopleWorld } from './support/people-world.js';
import { steps } from './support/steps.js';

/** Profile search and the 360° view in real Chromium, and who may see them: analysts, agents (no answer text), not viewers. */
const slow = { timeout: 60_000 };

const navLinks = (page: Page) =>
  page.getByRole('navigation', { name: 'Workspace navigation' }).getByRole('link').allTextContents();
const resultNames = (page: Page) => page.locator('tbody th[scope="row"]').allTextContents();

async function signedIn(server: LiveServer, person: { email: string; password: string }) {
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${server.baseUrl}/`);
  await steps.signIn(page, person.email, person.password);
  await steps.expectHeading(page, 'People Shop');
  return { browser, page, problems };
}

describe('profiles in Chromium', () => {
  let server: LiveServer;
  let world: PeopleWorld;
  let analyst: { browser: Chromium; page: Page; problems: string[] };

  beforeAll(async () => {
    server = await startLiveServer();
    world = await seedPeopleWorld(server);
    analyst = await signedIn(server, people.analyst);
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(analyst.page, `failed-profiles-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await analyst?.browser.close();
    await server?.close();
  });

  it('finds customers by identifier, text and trait, with the search in the address', slow, async () => {
    const { page } = analyst;
    await steps.openNav(page, 'Profiles');
    await steps.expectHeading(page, 'Profiles');
    const search = async (by: string, q: string) => {
      await page.getByLabel('Search by').selectOption({ label: by });
      await page.getByLabel('Search for').fill(q);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
    };
    await search('E-mail address', 'ada@example.com');
    await page.getByRole('status').getByText('1 profile found').waitFor();
    expect(await resultNames(page)).toEqual(['Ada Lovelace']);
    expect(new URL(page.url()).search).toBe('?by=email&q=ada%40example.com');

    await search('Name, identifier or trait text', 'builder');
    await page.getByRole('status').getByText('1 profile found').waitFor();
    expect(await resultNames(page)).toEqual(['Bob Builder']);
    await search('Exact trait value', 'plan:pro');
    await page.getByRole('status').getByText('1 profile found').waitFor();
    expect(await resultNames(page)).toEqual(['Ada Lovelace']);
    await search('User id', 'nobody');
    await page.getByText('No profile matches this search.').waitFor();
    await search('User id', 'bob');
    await page.getByRole('status').getByText('1 profile found').waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'profiles-01-search');
  });

  it('shows the 360° view: facts, identities, traits and one timeline with "load more"', slow, async () => {
    const { page } = analyst;
    await page.getByRole('link', { name: 'Bob Builder' }).click();
    await steps.expectHeading(page, 'Bob Builder');
    const facts = page.getByRole('region', { name: 'Facts' });
    expect(await facts.locator('.channel-badge').allTextContents()).toEqual(['App', 'Chat']);
    await page
      .getByRole('region', { name: 'Identities' })
      .getByRole('cell', { name: 'bob', exact: true })
      .waitFor();
    await page
      .getByRole('region', { name: 'Traits' })
      .getByRole('cell', { name: 'bob@example.com' })
      .waitFor();

    // 35 events and 2 survey events; the timeline pages by 30.
    await page.getByRole('status').getByText('30 entries shown').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByRole('status').getByText('37 entries shown').waitFor();
    await page.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
    const titles = await page.locator('.timeline .timeline-title').allTextContents();
    expect(titles.slice(0, 3)).toEqual(['Survey completed', 'Survey answer', 'Live Chat Message Sent']);
    expect(titles.at(-1)).toBe('Identified');

    // The hostile answer is shown as the text it is; nothing in it ran.
    const answer = page.locator('.timeline-item-survey', { hasText: 'Survey answer' });
    await answer.getByText('Score 6').waitFor();
    await answer.getByText(hostileAnswer, { exact: true }).waitFor();
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    await steps.expectNoScriptRan(page);
    await screenshot(page, 'profiles-02-360');
    expect(analyst.problems).toEqual([]);
  });

  it('lets an agent open profiles (scores, no answer text) but not responses', slow, async () => {
    const agent = await signedIn(server, people.agent);
    try {
      const { page } = agent;
      const links = await navLinks(page);
      expect(links).toContain('Profiles');
      expect(links).not.toContain('Responses');
      await page.goto(`${server.baseUrl}/w/${world.workspaceId}/profiles?by=userId&q=bob`);
      await page.getByRole('link', { name: 'Bob Builder' }).click();
      await steps.expectHeading(page, 'Bob Builder');
      const answer = page.locator('.timeline-item-survey', { hasText: 'Survey answer' });
      await answer.getByText('Score 6').waitFor();
      expect(await answer.locator('.timeline-answer').count()).toBe(0);
      await screenshot(page, 'profiles-03-agent');

      await page.goto(`${server.baseUrl}/w/${world.workspaceId}/responses`);
      await steps.expectHeading(page, 'Not available with your role');
      const refused = await steps.apiFromPage(
        page,
        'GET',
        `/api/v1/workspaces/${world.workspaceId}/surveys/${world.surveyId}/responses`,
      );
      expect(refused.status).toBe(403);
      expect(agent.problems).toEqual([]);
    } finally {
      await agent.browser.close();
    }
  });

  it('shows a viewer neither profiles nor responses, and the API refuses both', slow, async () => {
    const viewer = await signedIn(server, people.viewer);
    try {
      const { page } = viewer;
      const links = await navLinks(page);
      expect(links).not.toContain('Profiles');
      expect(links).not.toContain('Responses');
      for (const screen of ['profiles', `profiles/${world.profileIds.ada}`, 'responses']) {
        await page.goto(`${server.baseUrl}/w/${world.workspaceId}/${screen}`);
        await steps.expectHeading(page, 'Not available with your role');
      }
      await screenshot(page, 'profiles-04-viewer-refused');
      for (const path of [
        `/api/v1/workspaces/${world.workspaceId}/profiles?q=ada`,
        `/api/v1/workspaces/${world.workspaceId}/profiles/${world.profileIds.ada}/timeline`,
        `/api/v1/workspaces/${world.workspaceId}/surveys/${world.surveyId}/responses`,
      ]) {
        expect((await steps.apiFromPage(page, 'GET', path)).status, path).toBe(403);
      }
      expect(viewer.problems).toEqual([]);
    } finally {
      await viewer.browser.close();
    }
  });
});
