import { describe, expect, it } from 'vitest';
import { callCairn, waitForSdk } from './support/chromium.js';
import { initOptions, useSdkHarness, writeKey } from './support/sdk-harness.js';

describe('browser SDK in Chromium: sendBeacon when the page is hidden', () => {
  const h = useSdkHarness();

  async function pageWithQueuedEvents(path: string): Promise<void> {
    const url = await h.fixtures.addPage(path, { init: initOptions(h, { flushIntervalMs: 60_000 }) });
    await h.browser.page.goto(url);
    await waitForSdk(h.browser.page);
    await callCairn(h.browser.page, 'track', 'Added To Cart');
    await callCairn(h.browser.page, 'track', 'Left Page');
    expect(h.receiver.batches()).toHaveLength(0);
  }

  function expectBeacon(): void {
    const [beacon] = h.receiver.batches();
    // A beacon cannot carry headers: no Authorization, a CORS-safelisted content type, the key in the body.
    expect(beacon?.request.headers.authorization).toBeUndefined();
    // Chromium lower-cases the Blob type; servers must match media types case-insensitively (RFC 9110 §8.3.1).
    expect(beacon?.request.headers['content-type']?.toLowerCase()).toBe('text/plain;charset=utf-8');
    expect(beacon?.writeKey).toBe(writeKey);
    expect(beacon?.batch.map((message) => message.event)).toEqual(['Added To Cart', 'Left Page']);
  }

  it('sends the queue when the visitor navigates away', async () => {
    await pageWithQueuedEvents('/navigate-away');
    await h.browser.page.goto(`${h.fixtures.origin}/elsewhere`);
    await h.receiver.waitFor(() => h.receiver.batches().length > 0);
    expectBeacon();
  });

  it('sends the queue when the tab is closed', async () => {
    await pageWithQueuedEvents('/close-tab');
    await h.browser.page.close();
    await h.receiver.waitFor(() => h.receiver.batches().length > 0);
    expectBeacon();
  });

  it('sends each message once even though visibilitychange and pagehide both fire', async () => {
    await pageWithQueuedEvents('/once');
    await h.browser.page.goto(`${h.fixtures.origin}/elsewhere`);
    await h.receiver.waitFor(() => h.receiver.batches().length > 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.receiver.batches()).toHaveLength(1);
  });
});
