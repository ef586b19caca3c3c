import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Chromium, launchChromium } from '../support/chromium.js';
import { unlabelledControls } from './support/accessibility.js';
import { type LiveServer, startLiveServer } from './support/live-server.js';
import { screenshot, watchForProblems } from './support/page-watch.js';
import {
  feedbackSurvey,
  formulaAnswer,
  hostileAnswer,
  negativeAnswer,
  type PeopleWorld,
  people,
  seedPeopleWorld,
} from './support/people-world.js';
import { steps } from './support/steps.js';

/**
 * The Responses screen in real Chromium, as an analyst: every survey's answers by default, sentiment and topics of
 * open text, filters in the URL, per-survey CSV export, hostile text, journey context; an agent is refused.
 */
const slow = { timeout: 60_000 };

/** Answer texts of the rows on screen, top to bottom (without their sentiment and topic badges). */
const rowTexts = (page: Page) =>
  page
    .locator('.response-table tbody td.response-text')
    .evaluateAll((cells) =>
      cells.map((cell) =>
        [...cell.querySelectorAll('.answer-text, .empty')].map((el) => el.textContent).join(' | '),
      ),
    );
const exportLinks = (page: Page) => page.getByRole('link', { name: 'Export CSV' });
const expectNothingRan = async (page: Page) => {
  expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  await steps.expectNoScriptRan(page);
};

describe('responses screen in Chromium', () => {
  let server: LiveServer;
  let browser: Chromium;
  let page: Page;
  let problems: string[];
  let world: PeopleWorld;

  beforeAll(async () => {
    server = await startLiveServer();
    world = await seedPeopleWorld(server);
    browser = await launchChromium({ acceptDownloads: true });
    page = await browser.context.newPage();
    problems = watchForProblems(page);
    await page.goto(`${server.baseUrl}/`);
    await steps.signIn(page, people.analyst.email, people.analyst.password);
    await steps.expectHeading(page, 'People Shop');
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(page, `failed-responses-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the answers of every survey by default, the hostile one as literal text', slow, async () => {
    await steps.openNav(page, 'Responses');
    await steps.expectHeading(page, 'Responses');
    await page.getByRole('status').getByText('5 responses shown').waitFor();
    expect(await page.getByLabel('Survey').inputValue()).toBe('');
    expect(await page.getByLabel('Survey').locator('option:checked').textContent()).toBe('All surveys');
    // Newest first across surveys: Ada, Bob, Cleo, Dan answered the NPS survey, then Erin the feedback survey.
    expect(await rowTexts(page)).toEqual([
      negativeAnswer,
      'No text',
      formulaAnswer,
      hostileAnswer,
      'Delivery was late, again',
    ]);
    expect(await page.locator('.response-table tbody td:nth-of-type(1)').allTextContents()).toEqual([
      feedbackSurvey.name,
      'Delivery NPS',
      'Delivery NPS',
      'Delivery NPS',
      'Delivery NPS',
    ]);
    expect(await page.locator('.response-table tbody .response-score').allTextContents()).toEqual([
      '–',
      '10',
      '8',
      '6',
      '3',
    ]);
    // The server exports one survey at a time: no export until one is chosen.
    expect(await exportLinks(page).count()).toBe(0);
    await page.getByText('Choose a survey to export its responses as CSV', { exact: false }).waitFor();
    await page.getByText(hostileAnswer, { exact: true }).waitFor();
    await expectNothingRan(page);
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'responses-01-all-surveys');
  });

  it(
    'shows sentiment and topics of open text, in the list and in the detail of its own survey',
    slow,
    async () => {
      const erinRow = page.getByRole('row', { name: /The delivery was late and the parcel/ });
      // The badge says it in words (colour only repeats it); topic names come from the taxonomy.
      expect(await erinRow.locator('.sentiment-badge').textContent()).toBe('Sentiment: Negative');
      expect(
        await erinRow.getByRole('list', { name: 'Topics' }).getByRole('listitem').allTextContents(),
      ).toContain('Delivery');
      await erinRow.getByRole('button', { name: /^Details of the response from / }).click();
      const detail = page.getByRole('region', { name: /^Response from/ });
      await detail.locator('.response-answers dt').first().waitFor();
      const url = new URL(page.url());
      expect(url.searchParams.get('response')).toBe(world.responses.erin);
      expect(url.searchParams.get('responseSurvey')).toBe(world.feedbackSurveyId);
      // Question titles come from the response's own survey, not from the NPS survey.
      expect(await detail.locator('.response-answers dt').allTextContents()).toEqual(['How was your order?']);
      expect(await detail.locator('.response-answers .answer-value').allTextContents()).toEqual([
        negativeAnswer,
      ]);
      expect(await detail.locator('.response-answers .sentiment-badge').textContent()).toBe(
        'Sentiment: Negative',
      );
      await detail.getByRole('listitem').getByText('Delivery', { exact: true }).waitFor();
      await screenshot(page, 'responses-02-insight');

      // A shared link opens the same panel.
      await page.reload();
      await detail.locator('.response-answers dt').getByText('How was your order?').waitFor();
      await detail.getByRole('button', { name: 'Close details' }).click();
      await detail.waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.get('responseSurvey')).toBeNull();
    },
  );

  it('narrows the list to one chosen survey, which can then be exported', slow, async () => {
    await page.getByLabel('Survey').selectOption({ label: 'Delivery NPS' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').getByText('4 responses shown').waitFor();
    expect(new URL(page.url()).searchParams.get('survey')).toBe(world.surveyId);
    expect(await rowTexts(page)).toEqual([
      'No text',
      formulaAnswer,
      hostileAnswer,
      'Delivery was late, again',
    ]);
    // One survey: no survey column, and the export is offered.
    expect(await page.getByRole('columnheader', { name: 'Survey' }).count()).toBe(0);
    await exportLinks(page).waitFor();
    await expectNothingRan(page);
  });

  it('filters by score range and text, and keeps the filter in the address', slow, async () => {
    await page.getByLabel('Score from').fill('0');
    await page.getByLabel('Score to').fill('6');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').getByText('2 responses shown').waitFor();
    expect(await rowTexts(page)).toEqual([hostileAnswer, 'Delivery was late, again']);
    const url = new URL(page.url());
    expect(url.searchParams.get('min')).toBe('0');
    expect(url.searchParams.get('max')).toBe('6');

    await page.getByLabel('Text contains').fill('LATE');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').getByText('1 response shown').waitFor();
    expect(await rowTexts(page)).toEqual(['Delivery was late, again']);

    // A shared link opens the same view.
    await page.reload();
    await page.getByRole('status').getByText('1 response shown').waitFor();
    expect(await page.getByLabel('Text contains').inputValue()).toBe('LATE');
    await screenshot(page, 'responses-03-filtered');
    await page.getByRole('button', { name: 'Reset score and text' }).click();
    await page.getByRole('status').getByText('4 responses shown').waitFor();
  });

  it('exports the filter as CSV from the server, a formula answer neutralised', slow, async () => {
    const chooseNpsSurvey = async (shown: string) => {
      await page.getByLabel('Survey').selectOption({ label: 'Delivery NPS' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByRole('status').getByText(shown).waitFor();
      expect(new URL(page.url()).searchParams.get('survey')).toBe(world.surveyId);
    };
    // Channel is one of the global filters: the bar above every analysis screen applies it at once.
    await page.getByLabel('Channel').selectOption('email');
    await page.getByRole('status').getByText('1 response shown').waitFor();
    await chooseNpsSurvey('1 response shown');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.response_id, row.channel, row.nps, row.why])).toEqual([
      [world.responses.cleo, 'email', '8', `'${formulaAnswer}`],
    ]);

    // Changing a global filter keeps the survey picked on this screen (and so the export).
    await page.getByLabel('Channel').selectOption('');
    await page.getByRole('status').getByText('4 responses shown').waitFor();
    expect(new URL(page.url()).searchParams.get('survey')).toBe(world.surveyId);
    const [all] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const everything = parse(await readFile((await all.path()) ?? '', 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(everything.map((row) => row.why).sort()).toEqual(
      ['', `'${formulaAnswer}`, 'Delivery was late, again', hostileAnswer].sort(),
    );
    expect(everything.every((row) => !/^[=+\-@\t\r]/.test(row.why ?? ''))).toBe(true);
  });

  it('shows the journey context of an answer: last steps, channels used', slow, async () => {
    const adaRow = page.getByRole('row', { name: /Delivery was late/ });
    await adaRow.getByRole('button', { name: /^Details of the response from .*, score 3$/ }).click();
    const detail = page.getByRole('region', { name: /^Response from/ });
    await detail.getByRole('heading', { name: 'Last steps before answering' }).waitFor();
    expect(new URL(page.url()).searchParams.get('response')).toBe(world.responses.ada);
    // Focus moves to the panel that opened; answers are named by their question in the reader's language.
    expect(await page.evaluate('document.activeElement?.id')).toBe('response-detail-title');
    expect(await detail.locator('.response-answers dt').allTextContents()).toEqual([
      'How likely are you to recommend us?',
      'What should we improve?',
    ]);
    expect(await detail.locator('.response-answers .answer-value').allTextContents()).toEqual([
      '3',
      'Delivery was late, again',
    ]);
    const steps = await detail.locator('tbody tr td:first-of-type').allTextContents();
    expect(steps).toEqual(['identify', 'Shoes', 'Order Completed', 'Email Opened']);
    expect(await detail.locator('.channel-list .channel-badge').allTextContents()).toEqual(['E-mail', 'Web']);
    await screenshot(page, 'responses-04-detail');
    await detail.getByRole('button', { name: 'Close details' }).click();
    await detail.waitFor({ state: 'detached' });
  });

  it('opens the profile timeline from a response: events, then the answer, newest first', slow, async () => {
    await page
      .getByRole('row', { name: /Delivery was late/ })
      .getByRole('link', { name: 'Open profile' })
      .click();
    await steps.expectHeading(page, 'Ada Lovelace');
    await page.getByRole('status').getByText('6 entries shown').waitFor();
    // Newest first: the answer (submitted, then completed in the same instant) above the events that led to it.
    expect(await page.locator('.timeline .timeline-title').allTextContents()).toEqual([
      'Survey completed',
      'Survey answer',
      'Email Opened',
      'Order Completed',
      'Viewed Shoes',
      'Identified',
    ]);
    const answer = page.locator('.timeline-item-survey', { hasText: 'Survey answer' });
    await answer.getByText('Score 3').waitFor();
    await answer.getByText('Delivery was late, again', { exact: true }).waitFor();
    await screenshot(page, 'responses-05-profile-from-response');
    expect(problems).toEqual([]);
  });

  it('refuses the all-surveys list to an agent, like single responses', slow, async () => {
    const agent = await launchChromium();
    try {
      const agentPage = await agent.context.newPage();
      await agentPage.goto(`${server.baseUrl}/`);
      await steps.signIn(agentPage, people.agent.email, people.agent.password);
      await steps.expectHeading(agentPage, 'People Shop');
      const refused = await steps.apiFromPage(
        agentPage,
        'GET',
        `/api/v1/workspaces/${world.workspaceId}/responses`,
      );
      expect(refused.status).toBe(403);
    } finally {
      await agent.close();
    }
  });
});
