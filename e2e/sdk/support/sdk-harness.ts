import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type BrowserSession, openBrowser } from './chromium.js';
import { FixtureServer } from './fixture-server.js';
import { RecordingReceiver } from './recording-receiver.js';
import { buildSdkForTest } from './sdk-build.js';

export const writeKey = 'wk_test_0123456789';

export interface SdkHarness {
  fixtures: FixtureServer;
  receiver: RecordingReceiver;
  browser: BrowserSession;
}

/**
 * Registers hooks: one SDK build and fixture server per file; a fresh recording receiver and a fresh Chromium
 * profile per test. Returns a holder whose fields are set while a test runs.
 */
export function useSdkHarness(): SdkHarness {
  const harness = {} as SdkHarness;
  let removeBuild: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const build = await buildSdkForTest();
    removeBuild = build.remove;
    harness.fixtures = new FixtureServer(build.dir);
    await harness.fixtures.start();
  });
  afterAll(async () => {
    await harness.fixtures?.close();
    await removeBuild();
  });
  beforeEach(async () => {
    harness.receiver = new RecordingReceiver();
    await harness.receiver.start();
    harness.browser = await openBrowser();
  });
  afterEach(async () => {
    await harness.browser?.close();
    await harness.receiver?.close();
  });
  return harness;
}

/** Init options pointing at this test's receiver; `consent: 'granted'` unless a test is about consent. */
export function initOptions(
  harness: SdkHarness,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { writeKey, host: harness.receiver.url, consent: 'granted', webVitals: false, ...extra };
}
