import { describe, expect, it } from 'vitest';
import { callCairn, deviceStorage, waitForSdk } from './support/chromium.js';
import { initOptions, useSdkHarness } from './support/sdk-harness.js';

describe('browser SDK in Chromium: retries and persistence', () => {
  const h = useSdkHarness();

  async function open(path: string, extra: Record<string, unknown> = {}): Promise<void> {
    const url = await h.fixtures.addPage(path, { init: initOptions(h, { flushAt: 1, ...extra }) });
    await h.browser.page.goto(url);
    await waitForSdk(h.browser.page);
  }

  it('retries a 500 with backoff and delivers the same message', async () => {
    h.receiver.scriptedBatchResponses.push({ status: 500 });
    await open('/retry-500');
    await callCairn(h.browser.page, 'track', 'Checkout Started');
    const [failed, retried] = await h.receiver.waitFor(() => {
      const batches = h.receiver.batches();
      return batches.length >= 2 && batches;
    });
    expect(failed?.request.status).toBe(500);
    expect(retried?.request.status).toBe(200);
    expect(retried?.batch[0]?.messageId).toBe(failed?.batch[0]?.messageId);
    // First backoff step: 500–1000 ms (equal jitter around a 1 s base).
    const waited = (retried?.request.receivedAt ?? 0) - (failed?.request.receivedAt ?? 0);
    expect(waited).toBeGreaterThanOrEqual(450);
    expect(waited).toBeLessThan(3000);
  });

  it('waits for Retry-After on 429 before sending again', async () => {
    h.receiver.scriptedBatchResponses.push({ status: 429, headers: { 'retry-after': '2' } });
    await open('/retry-429');
    await callCairn(h.browser.page, 'track', 'Searched');
    const [limited, retried] = await h.receiver.waitFor(() => {
      const batches = h.receiver.batches();
      return batches.length >= 2 && batches;
    });
    expect(limited?.request.status).toBe(429);
    expect((retried?.request.receivedAt ?? 0) - (limited?.request.receivedAt ?? 0)).toBeGreaterThanOrEqual(
      1950,
    );
    expect(retried?.batch[0]?.event).toBe('Searched');
  });

  it('does not retry a 400 and tells the developer why', async () => {
    h.receiver.scriptedBatchResponses.push({
      status: 400,
      body: '{"error":{"code":"CAIRN_INVALID_MESSAGE","message":"event is required"}}',
    });
    await open('/rejected');
    await callCairn(h.browser.page, 'track', 'Broken');
    await h.receiver.waitFor(() => h.receiver.batches().length === 1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(h.receiver.batches()).toHaveLength(1);
    expect(h.browser.consoleMessages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^error: cairn: server rejected 1 message\(s\) with HTTP 400.*CAIRN_INVALID_MESSAGE/,
        ),
      ]),
    );
  });

  it('warns about messages the server rejected inside a stored batch', async () => {
    h.receiver.scriptedBatchResponses.push({
      status: 200,
      body: '{"success":true,"stored":0,"duplicates":0,"rejected":[{"index":0,"code":"CAIRN_INVALID_MESSAGE"}]}',
    });
    await open('/partly-rejected');
    await callCairn(h.browser.page, 'track', 'Odd');
    await h.receiver.waitFor(() =>
      h.browser.consoleMessages.some((text) => text.includes('rejected 1 message(s) of the batch')),
    );
    expect(h.browser.consoleMessages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning: cairn: server rejected 1 message\(s\) of the batch/),
      ]),
    );
  });

  it('keeps unsent messages in localStorage across a reload and sends them from the next page', async () => {
    h.receiver.defaultBatchResponse = { status: 503, headers: { 'retry-after': '60' } };
    await open('/offline');
    await callCairn(h.browser.page, 'track', 'Order Completed', { revenue: 1999 });
    const failed = await h.receiver.waitFor(() => h.receiver.batches()[0]);
    expect(
      (await deviceStorage(h.browser.page)).localStorageKeys.some((key) => key.startsWith('cairn_queue.')),
    ).toBe(true);

    h.receiver.defaultBatchResponse = { status: 200 };
    await h.browser.page.reload();
    const delivered = await h.receiver.waitFor(() => h.receiver.storedMessages()[0]);
    expect(delivered.messageId).toBe(failed.batch[0]?.messageId);
    expect(delivered.properties).toEqual({ revenue: 1999 });
    // The beacon on reload is skipped while the server asks us to back off, so the message went out once.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.receiver.storedMessages()).toHaveLength(1);
    const storage = await deviceStorage(h.browser.page);
    expect(storage.localStorageKeys.some((key) => key.startsWith('cairn_queue.'))).toBe(false);
  });

  it('retries after a network error (receiver unreachable)', async () => {
    await open('/network-error');
    const receiverUrl = h.receiver.url;
    await h.receiver.close();
    await callCairn(h.browser.page, 'track', 'Offline Event');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Bring a receiver back on the same port; the retry must reach it.
    const { RecordingReceiver } = await import('./support/recording-receiver.js');
    const revived = new RecordingReceiver();
    await revived.start(Number(new URL(receiverUrl).port));
    h.receiver = revived;
    const delivered = await revived.waitFor(() => revived.storedMessages()[0]);
    expect(delivered.event).toBe('Offline Event');
  });
});
