import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cairnServerIngestion, startCairnServerTarget } from './support/cairn-server-target.js';
import { type BrowserSession, callCairn, openBrowser, waitForSdk } from './support/chromium.js';
import { FixtureServer } from './support/fixture-server.js';
import { type IngestTarget, startRecordingTarget } from './support/ingest-target.js';
import { buildSdkForTest } from './support/sdk-build.js';

/**
 * One visitor journey from real Chromium, checked where the events end up. It runs against the recording
 * receiver and against the real Cairn server (buildApp + DuckDB in a temp dir); both must store the same events.
 */
const targets = [
  { label: 'recording receiver', start: startRecordingTarget, skip: undefined },
  {
    label: 'Cairn server',
    start: startCairnServerTarget,
    skip: cairnServerIngestion.available ? undefined : cairnServerIngestion.reason,
  },
];

describe.each(targets)('SDK → $label: track, page and identify arrive on one visitor', ({ start, skip }) => {
  let fixtures: FixtureServer;
  let removeBuild: () => Promise<void>;
  let target: IngestTarget;
  let browser: BrowserSession;

  beforeAll(async () => {
    const build = await buildSdkForTest();
    removeBuild = build.remove;
    fixtures = new FixtureServer(build.dir);
    await fixtures.start();
  });
  afterAll(async () => {
    await fixtures.close();
    await removeBuild();
  });
  beforeEach(async () => {
    if (skip) return;
    target = await start();
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
    await target?.close();
  });

  it.skipIf(skip !== undefined)(
    'stores every call, sent by fetch and by sendBeacon, on the visitor',
    async () => {
      const url = await fixtures.addPage('/shop?utm_source=newsletter', {
        title: 'Shop',
        init: {
          writeKey: target.writeKey,
          host: target.host,
          consent: 'granted',
          flushIntervalMs: 60_000,
          webVitals: false,
        },
        script: "cairn.page('Shop'); cairn.track('Product Viewed', { sku: 'A-1', price: 1999 });",
      });
      const { page } = browser;
      await page.goto(url);
      await waitForSdk(page);
      const anonymousId = (await callCairn(page, 'anonymousId')) as string;
      await callCairn(page, 'flush'); // page + track via fetch with Basic auth
      await callCairn(page, 'identify', 'user-e2e-1', { email: 'e2e@example.de' });
      await page.goto(`${fixtures.origin}/elsewhere`); // identify via sendBeacon (text/plain, key in the body)

      const events = await target
        .eventsOf(anonymousId, (stored) => stored.length >= 3)
        .catch((error: unknown) => {
          throw new Error(`${String(error)}\nbrowser console:\n${browser.consoleMessages.join('\n')}`);
        });
      expect(events.map((event) => event.type).sort()).toEqual(['identify', 'page', 'track']);
      expect(events.find((event) => event.type === 'track')?.event).toBe('Product Viewed');
      expect(events.find((event) => event.type === 'identify')?.userId).toBe('user-e2e-1');
      for (const event of events) {
        if (event.channel !== undefined) expect(event.channel).toBe('web');
        expect(event.context).toMatchObject({
          library: { name: 'cairn.js' },
          campaign: { source: 'newsletter' },
          page: { path: '/shop', title: 'Shop' },
        });
      }
    },
  );
});
