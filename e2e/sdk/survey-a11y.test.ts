import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../packages/sdk/src/survey/types.js';
import { callCairn, waitForSdk } from './support/chromium.js';
import { eligibleSurvey, inPage, widget } from './support/survey-fixtures.js';
import { useSurveyHarness } from './support/survey-harness.js';

/** Every question type, a welcome screen and a thank-you link: axe checks each step as it is shown. */
const everyType: SurveyDefinition = {
  locale: 'de',
  welcome: { title: 'Zwei Minuten für uns?', body: 'Ihre Meinung hilft uns.' },
  questions: [
    {
      id: 'nps',
      type: 'nps',
      title: 'Wie wahrscheinlich empfehlen Sie uns?',
      lowLabel: 'Unwahrscheinlich',
      highLabel: 'Sehr wahrscheinlich',
    },
    { id: 'stars', type: 'csat', style: 'stars', title: 'Wie zufrieden sind Sie?' },
    {
      id: 'faces',
      type: 'csat',
      style: 'smileys',
      title: 'Und mit dem Versand?',
      description: 'Lieferzeit und Verpackung',
    },
    { id: 'ces', type: 'ces', title: 'Wie einfach war die Bestellung?' },
    { id: 'rating', type: 'rating', scale: 4, title: 'Bewerten Sie die Suche' },
    {
      id: 'one',
      type: 'single_choice',
      title: 'Wie haben Sie uns gefunden?',
      choices: [
        { id: 'ad', label: 'Werbung' },
        { id: 'friend', label: 'Freunde' },
      ],
    },
    {
      id: 'many',
      type: 'multiple_choice',
      title: 'Was kaufen Sie?',
      choices: [
        { id: 'shoes', label: 'Schuhe' },
        { id: 'bags', label: 'Taschen' },
      ],
    },
    { id: 'text', type: 'text', title: 'Was sollen wir verbessern?', placeholder: 'Ihre Antwort' },
    {
      id: 'matrix',
      type: 'matrix',
      title: 'Bewerten Sie',
      rows: [
        { id: 'price', label: 'Preis' },
        { id: 'speed', label: 'Tempo' },
      ],
      columns: [
        { id: 'bad', label: 'Schlecht' },
        { id: 'good', label: 'Gut' },
      ],
    },
    {
      id: 'consent',
      type: 'consent',
      title: 'Kontakt',
      label: 'Sie dürfen mich zu meiner Antwort kontaktieren.',
    },
  ],
  end: { title: 'Danke!' },
  thankYou: [
    {
      questionId: 'nps',
      range: [0, 10],
      title: 'Vielen Dank!',
      body: 'Bewerten Sie uns',
      link: { label: 'Zur Bewertung', url: 'https://reviews.example' },
    },
  ],
};

// WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe tags).
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
  passes: { id: string; nodes: unknown[] }[];
}

/** axe over the widget's host; axe walks open shadow roots itself. */
function runAxe(page: Page, resultTypes?: string[]): Promise<AxeResult> {
  const options = { runOnly: { type: 'tag', values: wcagTags }, ...(resultTypes ? { resultTypes } : {}) };
  return inPage(page, `axe.run({ include: [['cairn-survey']] }, ${JSON.stringify(options)})`);
}

async function axeCheck(page: Page, step: string): Promise<void> {
  const result = await runAxe(page, ['violations']);
  expect(
    result.violations.map(
      (v) => `${step}: ${v.id} ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    ),
  ).toEqual([]);
  // The run really looked inside the shadow root (it found rules that apply there).
  expect(result.passes.map((p) => p.id)).toEqual(
    expect.arrayContaining(['button-name', 'color-contrast', 'target-size']),
  );
}

describe('survey widget in Chromium: accessibility (axe, WCAG 2.2 AA)', () => {
  const h = useSurveyHarness();
  let axeSource = '';
  beforeAll(async () => {
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  });

  it('has zero violations on every step of a survey with every question type', async () => {
    h.site.survey = eligibleSurvey({ definition: everyType });
    const { page } = h.browser;
    await page.goto(h.site.addPage('/a11y', { init: h.init() }));
    await waitForSdk(page);
    await page.addScriptTag({ content: axeSource });
    await callCairn(page, 'track', 'Checkout Completed');
    await widget(page).locator('[role="dialog"]').waitFor();

    await axeCheck(page, 'welcome');
    await widget(page).locator('button.primary').click();
    for (const question of everyType.questions) {
      await widget(page).locator('form').waitFor();
      const firstInput = widget(page).locator('form input, form textarea').first();
      if (question.type === 'text') await firstInput.fill('Schneller liefern');
      else if (question.type === 'matrix') {
        await widget(page).locator('input[name="q8-0"]').first().check();
        await widget(page).locator('input[name="q8-1"]').last().check();
      } else await firstInput.check();
      await axeCheck(page, question.id);
      // And the error state, once: an unanswered required question.
      await widget(page).locator('button[type=submit]').click();
    }
    await expect.poll(() => widget(page).locator('h2').textContent()).toBe('Vielen Dank!');
    await axeCheck(page, 'thank-you');
    const [last] = h.site.responseBodies().slice(-1);
    expect(last).toMatchObject({ completed: true, locale: 'de' });
    expect(last?.answers).toHaveLength(everyType.questions.length);
  });

  it('has zero violations in slide-in mode and when a required answer is missing', async () => {
    h.site.survey = eligibleSurvey({ display: { mode: 'slide_in' } });
    const { page } = h.browser;
    await page.goto(h.site.addPage('/a11y-slide', { init: h.init() }));
    await waitForSdk(page);
    await page.addScriptTag({ content: axeSource });
    await callCairn(page, 'track', 'Checkout Completed');
    await widget(page).locator('[role="complementary"]').waitFor();
    await widget(page).locator('button[type=submit]').click();
    await widget(page).locator('[role="alert"]:not(:empty)').waitFor();
    const result = await runAxe(page);
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
