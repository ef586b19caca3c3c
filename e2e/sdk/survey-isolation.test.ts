import { describe, expect, it } from 'vitest';
import { callCairn, waitForSdk } from './support/chromium.js';
import { eligibleSurvey, inPage, npsDefinition, widget } from './support/survey-fixtures.js';
import { useSurveyHarness } from './support/survey-harness.js';

const hostileCss = `<style>
* { all: unset; }
html { font-size: 8px; }
button { display: none; }
h2, p, legend, label { color: red !important; font-size: 40px !important; }
cairn-survey { display: none; }
</style>`;

interface PartStyle {
  display: string;
  fontSize: string;
  color: string;
  position: string;
  width: number;
}
type WidgetStyles = Record<'panel' | 'legend' | 'submit' | 'close', PartStyle | null>;

/** Computed styles of the widget's parts, read through the open shadow root (browser code, see inPage). */
const widgetStyles = `(() => {
  const root = document.querySelector('cairn-survey').shadowRoot;
  const style = (selector) => {
    const element = root.querySelector(selector);
    if (!element) return null;
    const s = getComputedStyle(element);
    return { display: s.display, fontSize: s.fontSize, color: s.color, position: s.position,
      width: element.getBoundingClientRect().width };
  };
  return { panel: style('.panel'), legend: style('legend'), submit: style('button[type=submit]'), close: style('.close') };
})()`;

/** The page's own heading as styled by the page (to prove the widget's CSS does not reach it). */
const pageHeadingStyle = `(() => {
  const s = getComputedStyle(document.getElementById('page-heading'));
  return [s.fontSize, s.color, s.fontWeight, s.margin, s.display, s.fontFamily].join('|');
})()`;

describe('survey widget in Chromium: isolation from the host page', () => {
  const h = useSurveyHarness();

  it('is unaffected by hostile page CSS, and its CSS does not reach the page', async () => {
    h.site.survey = eligibleSurvey();
    const { page } = h.browser;
    await page.goto(
      h.site.addPage('/hostile', {
        init: h.init(),
        head: hostileCss,
        body: '<h2 id="page-heading">Page heading</h2><p>Body text.</p>',
      }),
    );
    await waitForSdk(page);
    const pageHeadingBefore = await inPage<string>(page, pageHeadingStyle);
    await callCairn(page, 'track', 'Checkout Completed');
    await widget(page).locator('[role="dialog"]').waitFor();

    const styles = await inPage<WidgetStyles>(page, widgetStyles);
    expect(styles.panel).toMatchObject({ display: 'block', position: 'fixed', fontSize: '16px', width: 520 });
    expect(styles.legend).toMatchObject({ fontSize: '18px', color: 'rgb(31, 35, 40)' });
    expect(styles.submit?.display).not.toBe('none');
    expect(styles.submit?.fontSize).toBe('16px');
    expect(styles.close?.display).not.toBe('none');
    expect(await widget(page).locator('button[type=submit]').isVisible()).toBe(true);

    const pageHeadingAfter = await inPage<string>(page, pageHeadingStyle);
    expect(pageHeadingAfter).toBe(pageHeadingBefore);
    expect(pageHeadingAfter.split('|')[0]).toBe('40px'); // the hostile rule still applies to the page itself
  });

  it('renders hostile survey texts as text, never as HTML', async () => {
    const attack = '<img src=x onerror="window.__pwned=1">';
    h.site.survey = eligibleSurvey({
      definition: {
        ...npsDefinition,
        questions: [
          {
            id: 'pick',
            type: 'single_choice',
            title: `Which one? ${attack}`,
            description: '<script>window.__pwned=2</script>',
            choices: [{ id: 'a', label: `<b onmouseover="window.__pwned=3">A</b>` }],
          },
        ],
        end: { title: attack, body: attack },
        thankYou: [
          {
            questionId: 'pick',
            range: [0, 10],
            title: 'x',
            link: { label: 'x', url: 'javascript:window.__pwned=4' },
          },
        ],
      },
    });
    const { page } = h.browser;
    await page.goto(h.site.addPage('/xss', { init: h.init() }));
    await waitForSdk(page);
    await callCairn(page, 'track', 'Checkout Completed');
    const legend = widget(page).locator('legend');
    await legend.waitFor();
    expect(await legend.textContent()).toBe(`Which one? ${attack}`);
    expect(await widget(page).locator('label.option').textContent()).toBe(
      '<b onmouseover="window.__pwned=3">A</b>',
    );
    await widget(page).locator('label.option').hover();
    await widget(page).locator('input').check();
    await widget(page).locator('button[type=submit]').click();
    await expect.poll(() => widget(page).locator('h2').textContent()).toBe(attack);
    expect(
      await inPage(
        page,
        "document.querySelector('cairn-survey').shadowRoot.querySelectorAll('img, script, b').length",
      ),
    ).toBe(0);
    await page.waitForTimeout(200);
    expect(await inPage(page, 'window.__pwned')).toBeUndefined();
  });

  it('works under a strict nonce-based CSP without unsafe-inline styles', async () => {
    h.site.survey = eligibleSurvey();
    const { page } = h.browser;
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const nonce = 'n0nce4cairn';
    await page.goto(
      h.site.addPage('/csp', {
        init: h.init(),
        csp: {
          nonce,
          policy: `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self'; connect-src ${h.site.api}`,
        },
      }),
    );
    await waitForSdk(page);
    await callCairn(page, 'track', 'Checkout Completed');
    await widget(page).locator('[role="dialog"]').waitFor();
    const styles = await inPage<WidgetStyles>(page, widgetStyles);
    expect(styles.panel).toMatchObject({ position: 'fixed', fontSize: '16px' });
    expect(violations).toEqual([]);
  });
});
