import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../../packages/server/src/test-support/test-app.js';
import { type Chromium, launchChromium } from '../support/chromium.js';
import { unlabelledControls } from './support/accessibility.js';
import { type LiveServer, startLiveServer } from './support/live-server.js';
import { screenshot, watchForProblems } from './support/page-watch.js';
import { steps } from './support/steps.js';

/**
 * The surveys area in real Chromium against a real server: an analyst builds a bilingual survey with the builder,
 * watches the preview switch language, publishes it; customers answer through the public response API; the
 * results show per question. A viewer sees the list and results but no controls to change anything.
 */
const xss = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
const analyst = { email: 'analyst@example.com', password: 'analyst passphrase 2026' };
const viewer = { email: 'viewer@example.com', password: 'viewer passphrase 2026' };
const surveyName = 'After purchase';
const slow = { timeout: 90_000 };

describe('surveys in Chromium', () => {
  let server: LiveServer;
  let browser: Chromium;
  let page: Page;
  let problems: string[];
  let workspaceId = '';
  let writeKey = '';
  let surveyId = '';

  const inject = async (method: 'POST' | 'GET', url: string, payload?: object) => {
    const res = await server.app.app.inject({
      method,
      url,
      headers: adminHeaders,
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  beforeAll(async () => {
    server = await startLiveServer();
    const setup = await server.app.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'owner@example.com', password: 'owner passphrase 2026', workspaceName: 'Acme Shop' },
    });
    workspaceId = setup.json().workspace.id;
    for (const [person, role] of [
      [analyst, 'analyst'],
      [viewer, 'viewer'],
    ] as const) {
      await inject('POST', `/api/v1/workspaces/${workspaceId}/members`, { ...person, role });
    }
    writeKey = (await inject('POST', `/api/v1/workspaces/${workspaceId}/write-keys`, { name: 'web' })).key;
    browser = await launchChromium();
    page = await browser.context.newPage();
    problems = watchForProblems(page);
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(page, `surveys-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'lets an analyst build a bilingual survey, preview both languages, fix what the server refuses, and publish',
    slow,
    async () => {
      await page.goto(`${server.baseUrl}/login`);
      await steps.signIn(page, analyst.email, analyst.password);
      await steps.expectHeading(page, 'Acme Shop');
      await steps.openNav(page, 'Surveys');
      await steps.expectHeading(page, 'Surveys');
      await page.getByRole('link', { name: 'New survey' }).click();
      await steps.expectHeading(page, 'New survey');

      await page.getByLabel('Survey name').fill(surveyName);
      await page.getByLabel('Question 1: title (English)').fill('How likely are you to recommend us?');
      await page
        .getByLabel('Question 1: title (German)')
        .fill('Wie wahrscheinlich empfehlen Sie uns weiter?');
      await page.getByLabel('Type of the new question').selectOption('single_choice');
      await page.getByRole('button', { name: 'Add question' }).click();
      await page.getByLabel('Question 2: title (English)').fill('What mattered most?');
      await page.getByLabel('Question 2: title (German)').fill('Was war am wichtigsten?');
      await page.getByLabel('Question 2: choice 1 (English)').fill('Delivery');
      await page.getByLabel('Question 2: choice 1 (German)').fill('Lieferung');
      // Choice 2 only in German although English is the default language: the server must refuse and name the field.
      await page.getByLabel('Question 2: choice 2 (German)').fill(`Preis ${xss}`);

      // Order: move question 2 up and back down with the keyboard-usable buttons.
      await page.getByRole('button', { name: 'Move Question 2 up' }).click();
      await page.getByRole('heading', { name: 'Question 1: Single choice' }).waitFor();
      await page.getByRole('button', { name: 'Move Question 1 down' }).click();
      await page.getByRole('heading', { name: 'Question 1: NPS (0–10)' }).waitFor();

      // The live preview follows the draft and switches language.
      const preview = page.getByRole('form', { name: 'Survey preview' });
      await preview.getByText('How likely are you to recommend us?').waitFor();
      await page.getByRole('button', { name: 'Preview in German' }).click();
      await preview.getByText('Wie wahrscheinlich empfehlen Sie uns weiter?').waitFor();
      await preview.getByText(`Preis ${xss}`).waitFor();
      expect(await preview.getAttribute('lang')).toBe('de');
      expect(await unlabelledControls(page)).toEqual([]);
      await screenshot(page, 'surveys-01-builder-preview-german');

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByRole('alert').getByText('The survey cannot be saved: 1 problem.').waitFor();
      const missing = page.getByLabel('Question 2: choice 2 (English)');
      expect(await missing.getAttribute('aria-invalid')).toBe('true');
      await page.getByText('has no text in the default language en').first().waitFor();
      await screenshot(page, 'surveys-02-field-error');

      await missing.fill('Price');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await steps.expectHeading(page, surveyName);
      surveyId = new URL(page.url()).pathname.split('/')[4] ?? '';
      expect(surveyId).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByText('Draft', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Save and publish' }).click();
      await page.getByText('Saved and published.').waitFor();
      await page.getByText('Live', { exact: true }).waitFor();
      await page.getByText(`${server.baseUrl}/s/${surveyId}`).waitFor();
      await steps.expectNoScriptRan(page);
      expect(problems).toEqual([]);
    },
  );

  it('shows results per question once customers answer through the public API', slow, async () => {
    const answers = [
      [10, 'c1'],
      [9, 'c1'],
      [3, 'c2'],
    ] as const;
    for (const [index, [score, choice]] of answers.entries()) {
      const res = await fetch(`${server.baseUrl}/v1/surveys/${surveyId}/responses`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          clientKey: `e2e-response-${index}`,
          anonymousId: `visitor-${index}`,
          answers: [
            { questionId: 'q1', value: score },
            { questionId: 'q2', value: choice },
          ],
          completed: true,
        }),
      });
      expect(res.status, await res.text()).toBe(200);
    }
    await page.reload();
    await steps.expectHeading(page, surveyName);
    await page.getByText('3 responses', { exact: true }).waitFor();
    // NPS = 2/3 promoters − 1/3 detractors = 33.3 points.
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByText('33.3', { exact: true }).waitFor();
    const choiceTable = results.getByRole('table', { name: 'Question 2: What mattered most?' });
    await choiceTable.getByRole('row', { name: 'Delivery 2 66.7%' }).waitFor();
    await choiceTable.getByRole('row', { name: 'Price 1 33.3%' }).waitFor();
    await screenshot(page, 'surveys-03-results');
    // In German, the page, the question and the options read in German (labels from the survey's de texts).
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('de');
    const german = page.getByRole('region', { name: 'Ergebnisse' });
    await german
      .getByRole('table', { name: 'Frage 2: Was war am wichtigsten?' })
      .getByRole('row', { name: /^Lieferung 2 66,7/ })
      .waitFor();
    await screenshot(page, 'surveys-03-results-german');
    await page.getByRole('combobox', { name: 'Sprache', exact: true }).selectOption('en');
    await page.getByRole('region', { name: 'Results' }).waitFor();
    await steps.expectNoScriptRan(page);
    expect(problems).toEqual([]);
  });

  it(
    'keeps distribution settings, changes status from the list, and saves the workspace fatigue rules',
    slow,
    async () => {
      await page.getByLabel('Trigger events').fill('Order Completed, Return Requested');
      await page.getByLabel('Sampling (% of eligible visitors)').fill('50');
      await page.getByLabel('Only for customers with these traits').fill('plan=pro');
      await page.getByLabel('Days before the same survey again').fill('60');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Saved.', { exact: true }).waitFor();
      const stored = await steps.apiFromPage(
        page,
        'GET',
        `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}`,
      );
      expect((stored.json as { settings: unknown }).settings).toEqual({
        trigger: { events: ['Order Completed', 'Return Requested'] },
        targeting: { samplePercent: 50, traits: { plan: 'pro' } },
        fatigue: { surveyCooldownDays: 60 },
      });
      await page.reload();
      expect(await page.getByLabel('Sampling (% of eligible visitors)').inputValue()).toBe('50');

      await page.getByRole('link', { name: '← All surveys' }).click();
      await steps.expectHeading(page, 'Surveys');
      const row = page.getByRole('row', { name: /After purchase/ });
      await row.getByRole('button', { name: `Pause ${surveyName}` }).click();
      await row.getByText('Paused', { exact: true }).waitFor();
      await row.getByRole('button', { name: `Resume ${surveyName}` }).click();
      await row.getByText('Live', { exact: true }).waitFor();

      await page.getByLabel('Days between any two surveys').fill('7');
      await page.getByRole('button', { name: 'Save fatigue rules' }).click();
      await page.getByText('Fatigue rules saved.').waitFor();
      const budget = await steps.apiFromPage(
        page,
        'GET',
        `/api/v1/workspaces/${workspaceId}/survey-settings`,
      );
      expect((budget.json as { fatigue: { globalCooldownDays: number } }).fatigue.globalCooldownDays).toBe(7);
      await screenshot(page, 'surveys-04-list-analyst');
      expect(problems).toEqual([]);
    },
  );

  it('shows a viewer the list and results without any control to change them', slow, async () => {
    await steps.signOut(page);
    await steps.signIn(page, viewer.email, viewer.password);
    await steps.expectHeading(page, 'Acme Shop');
    await steps.openNav(page, 'Surveys');
    await steps.expectHeading(page, 'Surveys');
    await page.getByRole('row', { name: /After purchase/ }).waitFor();
    expect(await page.getByRole('link', { name: 'New survey' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Pause|Publish|Close|Save/ }).count()).toBe(0);
    expect(await page.getByLabel('Import a survey (JSON export)').count()).toBe(0);
    await screenshot(page, 'surveys-05-viewer-list');

    await page.getByRole('link', { name: surveyName }).click();
    await steps.expectHeading(page, surveyName);
    await page.getByRole('region', { name: 'Results' }).getByText('33.3', { exact: true }).waitFor();
    await page.getByRole('form', { name: 'Survey preview' }).waitFor();
    expect(await page.getByRole('button', { name: /Save|Publish|Pause|Close|Send/ }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await screenshot(page, 'surveys-06-viewer-survey');
    expect(problems).toEqual([]);
  });
});
