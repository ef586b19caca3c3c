import { describe, expect, it } from 'vitest';
import { callCairn, waitForSdk } from './support/chromium.js';
import { initOptions, useSdkHarness } from './support/sdk-harness.js';

const layoutShiftingBody = `
<h1 id="title">Willkommen bei Cairn</h1>
<div id="banner" style="height:0;background:#ddd"></div>
<p>Text that moves when the banner above it grows, which is a layout shift.</p>
<button id="slow" type="button">Slow button</button>
<script>
  document.getElementById('slow').addEventListener('click', () => {
    const until = performance.now() + 150; // a long task: the next paint waits ~150 ms
    while (performance.now() < until) {}
  });
  setTimeout(() => { document.getElementById('banner').style.height = '200px'; }, 300);
</script>`;

describe('browser SDK in Chromium: Web Vitals', () => {
  const h = useSdkHarness();

  it('sends one "Web Vitals" track event with numeric lcp, ttfb, cls and inp when the page is hidden', async () => {
    const url = await h.fixtures.addPage('/vitals', {
      init: initOptions(h, { webVitals: true, flushIntervalMs: 60_000 }),
      body: layoutShiftingBody,
    });
    const { page } = h.browser;
    await page.goto(url);
    await waitForSdk(page);
    // The extra loads lazily from /sdk/cairn-web-vitals.min.js.
    await page.waitForFunction(() => (globalThis as { __cairnExtras?: object }).__cairnExtras !== undefined);
    await page.waitForTimeout(600); // let the banner shift the layout
    await page.click('#slow');
    await page.waitForTimeout(300);
    await page.goto(`${h.fixtures.origin}/elsewhere`);

    const vitals = await h.receiver.waitFor(() =>
      h.receiver
        .batches()
        .flatMap((batch) => batch.batch)
        .find((message) => message.event === 'Web Vitals'),
    );
    const properties = vitals.properties ?? {};
    expect(properties).toMatchObject({ path: '/vitals', url });
    expect(properties.lcp).toEqual(expect.any(Number));
    expect(properties.ttfb).toEqual(expect.any(Number));
    expect(properties.lcp as number).toBeGreaterThan(0);
    expect(properties.ttfb as number).toBeGreaterThanOrEqual(0);
    expect(properties.lcp as number).toBeGreaterThanOrEqual(properties.ttfb as number);
    expect(properties.cls as number).toBeGreaterThan(0);
    expect(properties.inp as number).toBeGreaterThanOrEqual(100);
    expect(
      h.receiver
        .batches()
        .flatMap((batch) => batch.batch)
        .filter((m) => m.event === 'Web Vitals'),
    ).toHaveLength(1);
  });

  it('loads the extra only after consent, and still reports the page load measured before it', async () => {
    const url = await h.fixtures.addPage('/vitals-consent', {
      init: initOptions(h, { webVitals: true, consent: 'required', flushIntervalMs: 60_000 }),
    });
    const { page } = h.browser;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(url);
    await waitForSdk(page);
    await page.waitForTimeout(500);
    expect(requested).not.toContain('/sdk/cairn-web-vitals.min.js');

    await callCairn(page, 'consent.grant');
    await page.waitForFunction(() => (globalThis as { __cairnExtras?: object }).__cairnExtras !== undefined);
    await page.waitForTimeout(100);
    await page.goto(`${h.fixtures.origin}/elsewhere`);
    const vitals = await h.receiver.waitFor(() =>
      h.receiver.storedMessages().find((message) => message.event === 'Web Vitals'),
    );
    expect(vitals.properties?.lcp).toEqual(expect.any(Number));
    expect(vitals.properties?.ttfb).toEqual(expect.any(Number));
  });

  it('does not load the extra when webVitals is false', async () => {
    const url = await h.fixtures.addPage('/no-vitals', { init: initOptions(h, { webVitals: false }) });
    const { page } = h.browser;
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
    await page.goto(url);
    await waitForSdk(page);
    await page.waitForTimeout(300);
    expect(scripts).toContain('/sdk/cairn.min.js');
    expect(scripts).not.toContain('/sdk/cairn-web-vitals.min.js');
  });
});
