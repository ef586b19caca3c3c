import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Chromium, launchChromium } from '../support/chromium.js';
import { repoRoot } from './support/dashboard-build.js';

let browser: Chromium;
let bundle: string;

beforeAll(async () => {
  const built = await build({
    entryPoints: [path.join(repoRoot, 'packages/web/src/components/chart-canvas.fixture.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  bundle = built.outputFiles[0]?.text ?? '';
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const sankey = {
  series: [
    {
      type: 'sankey',
      data: [{ name: 'from:web' }, { name: 'to:app' }, { name: 'to:email' }],
      links: [
        { source: 'from:web', target: 'to:app', value: 30 },
        { source: 'from:web', target: 'to:email', value: 12 },
      ],
    },
  ],
};

/** Pixels of the chart's canvas that are not transparent: 0 while nothing is drawn. (Scripts run in the page.) */
const paintedPixels = (page: Page) =>
  page.evaluate(`(() => {
    const canvas = document.querySelector('canvas');
    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
    return painted;
  })()`) as Promise<number>;

describe('chart canvas in Chromium', () => {
  it('waits with a Sankey until its box has a size, then draws it, without an error on the page', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A box of width 0 (a panel not laid out yet, or hidden): ECharts 6 throws drawing a Sankey into it.
    await page.setContent('<div id="panel" style="width: 0"><div id="chart"></div></div>');
    await page.addScriptTag({ content: bundle });
    await page.evaluate(`window.renderChart('chart', ${JSON.stringify(sankey)}, 'Channel switches')`);
    await page
      .locator('[role="img"][aria-label="Channel switches"]')
      .waitFor({ state: 'attached', timeout: 5_000 });
    await page.waitForTimeout(200);
    expect(errors).toEqual([]);
    expect(await paintedPixels(page)).toBe(0);

    await page.evaluate(`document.getElementById('panel').style.width = '480px'`);
    await expect.poll(() => paintedPixels(page)).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
