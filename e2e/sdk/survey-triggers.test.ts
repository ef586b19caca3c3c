import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callCairn, waitForSdk } from './support/chromium.js';
import { eligibleSurvey, widget } from './support/survey-fixtures.js';
import { useSurveyHarness } from './support/survey-harness.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const surveyChunk = '/sdk/cairn-survey.min.js';
const longBody = '<main><h1>Long read</h1><div style="height:4000px">Text</div><p id="bottom">End</p></main>';

describe('survey triggers in Chromium', () => {
  const h = useSurveyHarness();

  function recordScripts(page: Page): string[] {
    const paths: string[] = [];
    page.on('request', (request) => paths.push(new URL(request.url()).pathname));
    return paths;
  }

  it('asks nothing before consent, asks once per trigger after it, and loads the widget only to show a survey', async () => {
    const { page } = h.browser;
    const requested = recordScripts(page);
    await page.goto(
      h.site.addPage('/consent', {
        init: h.init({ consent: 'required' }),
        script: "cairn.page(); cairn.track('Checkout Completed');",
      }),
    );
    await waitForSdk(page);
    await pause(500);
    expect(h.site.requests).toEqual([]);

    // No survey for these triggers: eligibility asked once each, widget never fetched.
    await callCairn(page, 'consent.grant');
    await h.site.waitFor(() => h.site.eligibilityRequests().length === 2);
    await callCairn(page, 'track', 'Checkout Completed');
    await callCairn(page, 'track', 'Checkout Completed');
    await callCairn(page, 'page');
    await pause(400);
    const asks = h.site.eligibilityRequests();
    expect(asks.map((r) => r.query.event ?? 'pageview')).toEqual(['pageview', 'Checkout Completed']);
    expect(asks[0]?.query).toMatchObject({
      writeKey: 'wk_survey',
      url: `${h.site.origin}/consent`,
      locale: 'en',
    });
    expect(asks[0]?.query.anonymousId).toBe(await callCairn(page, 'anonymousId'));
    expect(requested).not.toContain(surveyChunk);

    // A new trigger with a survey behind it: now the widget is fetched and shown.
    h.site.survey = eligibleSurvey({ trigger: { on: 'event', event: 'Order Delivered' } });
    await callCairn(page, 'track', 'Order Delivered');
    await widget(page).locator('[role="dialog"]').waitFor();
    expect(requested.filter((path) => path === surveyChunk)).toHaveLength(1);
  });

  it('revoked consent: no eligibility call at all', async () => {
    const { page } = h.browser;
    h.site.survey = eligibleSurvey();
    await page.goto(h.site.addPage('/revoked', { init: h.init() }));
    await waitForSdk(page);
    await callCairn(page, 'consent.revoke');
    await callCairn(page, 'track', 'Checkout Completed');
    await pause(400);
    expect(h.site.eligibilityRequests()).toEqual([]);
  });

  it('page view with a URL pattern and a delay', async () => {
    const { page } = h.browser;
    h.site.survey = eligibleSurvey({ trigger: { on: 'pageview', urlPattern: '/pricing*', delayMs: 300 } });
    await page.goto(h.site.addPage('/pricing', { init: h.init(), script: 'cairn.page();' }));
    await waitForSdk(page);
    await h.site.waitFor(() => h.site.eligibilityRequests().length === 1);
    await widget(page).locator('[role="dialog"]').waitFor();
  });

  it('a page outside the URL pattern does not show the survey', async () => {
    const { page } = h.browser;
    h.site.survey = eligibleSurvey({ trigger: { on: 'pageview', urlPattern: '/pricing*' } });
    await page.goto(h.site.addPage('/blog', { init: h.init(), script: 'cairn.page();' }));
    await waitForSdk(page);
    await h.site.waitFor(() => h.site.eligibilityRequests().length === 1);
    await pause(400);
    expect(await widget(page).count()).toBe(0);
  });

  it('exit intent: shows when the pointer leaves through the top of the viewport', async () => {
    const { page } = h.browser;
    h.site.survey = eligibleSurvey({ trigger: { on: 'exit_intent' }, display: { mode: 'slide_in' } });
    await page.goto(h.site.addPage('/exit', { init: h.init(), script: 'cairn.page();' }));
    await waitForSdk(page);
    await h.site.waitFor(() => h.site.eligibilityRequests().length === 1);
    await page.mouse.move(400, 300);
    await page.mouse.move(400, 100);
    await pause(300);
    expect(await widget(page).count()).toBe(0);
    await page.mouse.move(400, -10);
    await widget(page).locator('[role="complementary"]').waitFor();
  });

  it('scroll depth: shows once the visitor has seen the given share of the page', async () => {
    const { page } = h.browser;
    h.site.survey = eligibleSurvey({
      trigger: { on: 'scroll', scrollPercent: 90 },
      display: { mode: 'slide_in' },
    });
    await page.goto(h.site.addPage('/article', { init: h.init(), script: 'cairn.page();', body: longBody }));
    await waitForSdk(page);
    await h.site.waitFor(() => h.site.eligibilityRequests().length === 1);
    await page.mouse.wheel(0, 1000);
    await pause(300);
    expect(await widget(page).count()).toBe(0);
    await page.keyboard.press('End');
    await widget(page).locator('[role="complementary"]').waitFor();
  });
});
