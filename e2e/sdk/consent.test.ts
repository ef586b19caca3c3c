import { describe, expect, it } from 'vitest';
import { callCairn, deviceStorage, waitForSdk } from './support/chromium.js';
import { initOptions, useSdkHarness } from './support/sdk-harness.js';

const quietPeriodMs = 1200;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('browser SDK in Chromium: consent gate', () => {
  const h = useSdkHarness();

  async function open(
    path: string,
    consent: string,
    script = "cairn.track('Viewed Pricing');",
  ): Promise<void> {
    const url = await h.fixtures.addPage(path, {
      init: initOptions(h, { consent, flushAt: 1, flushIntervalMs: 100 }),
      script,
    });
    await h.browser.page.goto(url);
    await waitForSdk(h.browser.page);
  }

  it('consent "required": sends and stores nothing until grant, then sends what was queued', async () => {
    await open('/required', 'required');
    await callCairn(h.browser.page, 'identify', 'user-9', { email: 'lea@example.de' });
    await pause(quietPeriodMs);
    expect(h.receiver.requests).toEqual([]);
    expect(await deviceStorage(h.browser.page)).toEqual({
      cookie: '',
      localStorageKeys: [],
      sessionStorageKeys: [],
    });

    await callCairn(h.browser.page, 'consent.grant');
    const messages = await h.receiver.waitFor(() => {
      const stored = h.receiver.storedMessages();
      return stored.length >= 2 && stored;
    });
    expect(messages.map((message) => message.type)).toEqual(['track', 'identify']);
    const storage = await deviceStorage(h.browser.page);
    expect(storage.cookie).toContain(`cairn_aid=${messages[0]?.anonymousId}`);
    expect(storage.localStorageKeys).toEqual(expect.arrayContaining(['cairn_aid', 'cairn_uid']));
  });

  it('consent "required": no beacon when the visitor leaves without consenting', async () => {
    await open('/leave-without-consent', 'required');
    await h.browser.page.goto(`${h.fixtures.origin}/elsewhere`);
    await pause(quietPeriodMs);
    expect(h.receiver.requests).toEqual([]);
  });

  it('consent "auto": asks the workspace, and holds events when it requires consent', async () => {
    h.receiver.remoteConfig = { requireConsent: true };
    await open('/auto-required', 'auto');
    await pause(quietPeriodMs);
    expect(h.receiver.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v1/config',
    ]);
    expect((await deviceStorage(h.browser.page)).localStorageKeys).toEqual([]);
    await callCairn(h.browser.page, 'consent.grant');
    const [message] = await h.receiver.waitFor(
      () => h.receiver.storedMessages().length > 0 && h.receiver.storedMessages(),
    );
    expect(message?.event).toBe('Viewed Pricing');
  });

  it('consent "auto": sends at once when the workspace does not require consent', async () => {
    h.receiver.remoteConfig = { requireConsent: false };
    await open('/auto-not-required', 'auto');
    const [message] = await h.receiver.waitFor(
      () => h.receiver.storedMessages().length > 0 && h.receiver.storedMessages(),
    );
    expect(message?.event).toBe('Viewed Pricing');
  });

  it('consent "auto": a server without /v1/config counts as "not required"', async () => {
    h.receiver.remoteConfig = undefined;
    await open('/auto-no-config', 'auto');
    const [message] = await h.receiver.waitFor(
      () => h.receiver.storedMessages().length > 0 && h.receiver.storedMessages(),
    );
    expect(message?.event).toBe('Viewed Pricing');
  });

  it('revoke clears the queue and stored ids and stops sending, beacon included', async () => {
    const url = await h.fixtures.addPage('/revoke', { init: initOptions(h, { flushIntervalMs: 60_000 }) });
    await h.browser.page.goto(url);
    await waitForSdk(h.browser.page);
    await callCairn(h.browser.page, 'identify', 'user-5');
    expect((await deviceStorage(h.browser.page)).cookie).toContain('cairn_aid=');

    await callCairn(h.browser.page, 'consent.revoke');
    await callCairn(h.browser.page, 'track', 'After Revoke');
    await callCairn(h.browser.page, 'flush');
    expect(await deviceStorage(h.browser.page)).toEqual({
      cookie: '',
      localStorageKeys: [],
      sessionStorageKeys: [],
    });
    await h.browser.page.goto(`${h.fixtures.origin}/elsewhere`);
    await pause(quietPeriodMs);
    expect(h.receiver.requests).toEqual([]);
  });
});
