import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type BrowserSession, openBrowser } from './chromium.js';
import { buildSdkForTest } from './sdk-build.js';
import { SurveySite } from './survey-site.js';

export interface SurveyHarness {
  site: SurveySite;
  browser: BrowserSession;
  /** `cairn.init` options pointing at this harness's API. */
  init(extra?: Record<string, unknown>): Record<string, unknown>;
}

/** One SDK build and site per file; a fresh Chromium profile and empty request log per test. */
export function useSurveyHarness(): SurveyHarness {
  let removeBuild: () => Promise<void> = async () => {};
  const harness = {
    init: (extra: Record<string, unknown> = {}) => ({
      writeKey: 'wk_survey',
      host: harness.site.api,
      consent: 'granted',
      webVitals: false,
      flushIntervalMs: 60_000,
      ...extra,
    }),
  } as unknown as SurveyHarness;
  beforeAll(async () => {
    const build = await buildSdkForTest();
    removeBuild = build.remove;
    harness.site = new SurveySite(build.dir);
    await harness.site.start();
  });
  afterAll(async () => {
    await harness.site?.close();
    await removeBuild();
  });
  beforeEach(async () => {
    harness.site.reset();
    harness.browser = await openBrowser();
  });
  afterEach(async () => {
    await harness.browser?.close();
  });
  return harness;
}
