import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { focusedName, focusOutline, lowContrast, unlabelledControls } from './support/accessibility.js';
import { type LiveServer, startLiveServer } from './support/live-server.js';
import { screenshot, watchForProblems } from './support/page-watch.js';

const textSelectors = [
  'h1',
  'h2',
  'p',
  'li',
  'label',
  'dt',
  'dd',
  '.field-hint',
  '.lead',
  '.nav-link',
  '.nav-heading',
  '.button',
  '.account',
  'th',
  'td',
  'code',
];

describe('dashboard accessibility and language in Chromium', () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLiveServer();
  }, 240_000);
  afterAll(() => server?.close());

  it('speaks German to a German browser and can be used by keyboard alone', { timeout: 90_000 }, async () => {
    const browser = await launchChromium({ locale: 'de-DE' });
    try {
      const page = await browser.context.newPage();
      const problems = watchForProblems(page);
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: 'Cairn einrichten' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      expect(await unlabelledControls(page)).toEqual([]);

      const order: string[] = [];
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        order.push(await focusedName(page));
        const outline = await focusOutline(page);
        expect(outline.style, order.at(-1)).not.toBe('none');
        expect(outline.width, order.at(-1)).toBeGreaterThanOrEqual(2);
      }
      expect(order).toEqual([
        'Sprache',
        'Name des Arbeitsbereichs',
        'Ihr Name (optional)',
        'E-Mail-Adresse',
        'Passwort',
        'Konto und Arbeitsbereich anlegen',
      ]);

      // Fill the form by keyboard and submit with Enter.
      await page.getByLabel('Name des Arbeitsbereichs').focus();
      await page.keyboard.type('Tastatur GmbH');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('keys@example.com');
      await page.keyboard.press('Tab');
      await page.keyboard.type('a long keyboard passphrase');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Tastatur GmbH' }).waitFor();

      // A nav link by keyboard; focus then moves to the new page's heading. The overview first settles (its
      // queries and lazily loaded chart code), so nothing re-renders the navigation under the focused link.
      await page.waitForLoadState('networkidle');
      await page.getByRole('link', { name: 'Mitglieder' }).focus();
      await expect.poll(() => focusedName(page)).toBe('Mitglieder');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Mitglieder' }).waitFor();
      expect(await focusedName(page)).toBe('Mitglieder');
      expect(await unlabelledControls(page)).toEqual([]);

      // The checker itself must be able to fail: light grey on white is flagged.
      await page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend',
        '<p id="contrast-probe" style="color:#bbbbbb;background:#ffffff">probe</p>')`);
      expect(await lowContrast(page, ['#contrast-probe'])).toEqual([expect.stringContaining('probe')]);
      await page.evaluate(`document.getElementById('contrast-probe').remove()`);

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await lowContrast(page, textSelectors), scheme).toEqual([]);
        await screenshot(page, `12-members-german-${scheme}`);
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('loads over plain HTTP under a host name other than localhost', { timeout: 60_000 }, async () => {
    // Chromium treats only localhost as secure; a CSP upgrading requests to https would leave a blank page here.
    const port = new URL(server.baseUrl).port;
    const browser = await launchChromium({ extraArgs: ['--host-resolver-rules=MAP cairn.test 127.0.0.1'] });
    try {
      const page = await browser.context.newPage();
      const problems = watchForProblems(page);
      await page.goto(`http://cairn.test:${port}/`);
      await page.getByRole('heading', { level: 1, name: 'Sign in to Cairn' }).waitFor();
      expect(problems.filter((p) => !p.includes('Cross-Origin-Opener-Policy'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
