import { describe, expect, it } from 'vitest';
import { callCairn, waitForSdk } from './support/chromium.js';
import { activeElementId, eligibleSurvey, focusedInWidget, widget } from './support/survey-fixtures.js';
import { useSurveyHarness } from './support/survey-harness.js';

const shopBody = `<main><h1>Checkout</h1>
<button id="buy" type="button" onclick="cairn.track('Checkout Completed')">Buy now</button></main>`;

describe('survey widget in Chromium: keyboard only', () => {
  const h = useSurveyHarness();

  async function openShop(extra: Record<string, unknown> = {}) {
    const { page } = h.browser;
    await page.goto(h.site.addPage('/checkout', { init: h.init(extra), body: shopBody }));
    await waitForSdk(page);
    // Keyboard only: Tab to the page's button and press Enter, which tracks the trigger event.
    await page.keyboard.press('Tab');
    expect(await activeElementId(page)).toBe('buy');
    await page.keyboard.press('Enter');
    await widget(page).locator('[role="dialog"]').waitFor();
  }

  it('answers a branching survey, sends the answers after every step, and returns focus on close', async () => {
    h.site.survey = eligibleSurvey();
    await openShop();
    const { page } = h.browser;
    // Focus moved into the dialog, onto the first point of the NPS radio group.
    expect(await focusedInWidget(page)).toBe('input:radio:0');
    await page.keyboard.press('Space');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    expect(await focusedInWidget(page)).toBe('input:radio:9');
    await page.keyboard.press('Tab'); // the radio group is one tab stop: next is the Next button
    expect(await focusedInWidget(page)).toBe('button:submit:Next');
    await page.keyboard.press('Enter');

    // First step answered: sent at once, not completed.
    const [first] = await h.site.waitFor(
      () => h.site.responseBodies().length === 1 && h.site.responseBodies(),
    );
    expect(first).toMatchObject({
      channel: 'web',
      completed: false,
      locale: 'en',
      answers: [{ questionId: 'nps', value: 9, timeSpentMs: expect.any(Number) }],
      context: { page: { url: `${h.site.origin}/checkout` } },
    });
    expect(first?.anonymousId).toEqual(await callCairn(page, 'anonymousId'));

    // 9 is not ≤ 6, so no jump: the next question in order.
    await expect.poll(() => focusedInWidget(page)).toBe('textarea:textarea:');
    await page.keyboard.type('Fast delivery');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const bodies = await h.site.waitFor(
      () => h.site.responseBodies().length === 2 && h.site.responseBodies(),
    );
    expect(bodies[1]).toMatchObject({
      completed: true,
      answers: [
        { questionId: 'nps', value: 9 },
        { questionId: 'best', value: 'Fast delivery' },
      ],
    });
    expect(bodies[1]?.clientKey).toBe(first?.clientKey);
    expect(h.site.requests.filter((r) => r.path === '/v1/surveys/srv_checkout/shown')).toHaveLength(1);
    for (const request of h.site.requests.filter(
      (r) => r.method === 'POST' && r.path.startsWith('/v1/surveys'),
    ))
      expect(request.authorization).toBe(`Basic ${Buffer.from('wk_survey:').toString('base64')}`);

    // Promoters (9–10) get their own thank-you screen with the review link.
    await expect.poll(() => widget(page).locator('h2').textContent()).toMatch('Thanks, glad you like us!');
    expect(await widget(page).locator('a').getAttribute('href')).toBe('https://reviews.example/shop');
    await page.keyboard.press('Tab'); // the heading has focus: next the link, then the Close button
    expect(await focusedInWidget(page)).toBe('a::Leave a review');
    await page.keyboard.press('Tab');
    expect(await focusedInWidget(page)).toBe('button:button:Close survey');
    await page.keyboard.press('Enter');
    await expect.poll(() => widget(page).count()).toBe(0);
    expect(await activeElementId(page)).toBe('buy');
  });

  it('branches detractors to the improvement question', async () => {
    h.site.survey = eligibleSurvey();
    await openShop();
    const { page } = h.browser;
    await page.keyboard.press('ArrowRight'); // moves to and selects 1
    await page.keyboard.press('ArrowRight'); // 2
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => widget(page).locator('label.title').textContent())
      .toMatch('What should we improve?');
    const [first] = h.site.responseBodies();
    expect(first?.answers).toEqual([expect.objectContaining({ questionId: 'nps', value: 2 })]);
  });

  it('asks for a required answer instead of moving on', async () => {
    h.site.survey = eligibleSurvey();
    await openShop();
    const { page } = h.browser;
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => widget(page).locator('[role="alert"]').textContent())
      .toMatch('Please answer this question.');
    expect(await focusedInWidget(page)).toBe('input:radio:0');
    expect(h.site.responseBodies()).toEqual([]);
  });

  it('traps Tab inside the modal, and Escape closes it, records nothing and restores focus', async () => {
    h.site.survey = eligibleSurvey();
    await openShop();
    const { page } = h.browser;
    for (const key of [
      'Tab',
      'Tab',
      'Tab',
      'Tab',
      'Tab',
      'Shift+Tab',
      'Shift+Tab',
      'Shift+Tab',
      'Shift+Tab',
    ]) {
      await page.keyboard.press(key);
      expect(await focusedInWidget(page), `after ${key}`).not.toBeNull();
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => widget(page).count()).toBe(0);
    expect(await activeElementId(page)).toBe('buy');
    await page.waitForTimeout(300);
    expect(h.site.responseBodies()).toEqual([]);
  });

  it('slide-in mode is a non-modal region: no focus theft, no trap, announced politely', async () => {
    h.site.survey = eligibleSurvey({ display: { mode: 'slide_in', position: 'bottom_left' } });
    const { page } = h.browser;
    await page.goto(h.site.addPage('/slide', { init: h.init(), body: shopBody }));
    await waitForSdk(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const region = widget(page).locator('[role="complementary"]');
    await region.waitFor();
    expect(await widget(page).locator('[role="dialog"]').count()).toBe(0);
    expect(await activeElementId(page)).toBe('buy');
    await expect
      .poll(() => widget(page).locator('[role="status"]').textContent())
      .toMatch(/recommend our shop/);
    const box = await region.boundingBox();
    expect(box?.x).toBeLessThan(100); // bottom left
    // Tab from the page reaches the widget (it comes last in the document) and Escape there closes it.
    await page.keyboard.press('Tab');
    expect(await focusedInWidget(page)).not.toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => widget(page).count()).toBe(0);
  });
});
