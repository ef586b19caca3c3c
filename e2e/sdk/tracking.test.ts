import { describe, expect, it } from 'vitest';
import { callCairn, deviceStorage, waitForSdk } from './support/chromium.js';
import { initOptions, useSdkHarness, writeKey } from './support/sdk-harness.js';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('browser SDK in Chromium: messages and batching', () => {
  const h = useSdkHarness();

  it('replays calls made before the script loaded and sends Segment-spec messages with full context', async () => {
    const url = await h.fixtures.addPage(
      '/landing?utm_source=newsletter&utm_medium=email&utm_campaign=fruehling',
      {
        title: 'Frühling im Shop',
        init: initOptions(h, { flushAt: 2, flushIntervalMs: 60_000 }),
        script:
          "cairn.page('Landing', { section: 'spring' }); cairn.track('Coupon Viewed', { code: 'SPRING' });",
      },
    );
    await h.browser.page.goto(url);
    const [batch] = await h.receiver.waitFor(() => h.receiver.batches().length > 0 && h.receiver.batches());
    expect(batch?.request.headers.authorization).toBe(
      `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
    );
    expect(batch?.request.headers['content-type']).toBe('application/json');
    expect(batch?.writeKey).toBe(writeKey);
    expect(batch?.sentAt).toMatch(isoTimestamp);

    const [page, track] = batch?.batch ?? [];
    const expectedPage = {
      url,
      path: '/landing',
      title: 'Frühling im Shop',
      referrer: '',
      search: '?utm_source=newsletter&utm_medium=email&utm_campaign=fruehling',
    };
    expect(page).toMatchObject({
      type: 'page',
      name: 'Landing',
      properties: { ...expectedPage, name: 'Landing', section: 'spring' },
    });
    expect(track).toMatchObject({ type: 'track', event: 'Coupon Viewed', properties: { code: 'SPRING' } });
    for (const message of [page, track]) {
      expect(message?.messageId).toMatch(uuidV4);
      expect(message?.anonymousId).toMatch(uuidV4);
      expect(message?.originalTimestamp).toMatch(isoTimestamp);
      expect(message?.context).toMatchObject({
        library: { name: 'cairn.js', version: '0.1.0' },
        channel: 'web',
        page: expectedPage,
        campaign: { source: 'newsletter', medium: 'email', name: 'fruehling' },
        locale: expect.any(String),
        timezone: expect.any(String),
        userAgent: expect.stringContaining('Chrome'),
        screen: { width: expect.any(Number), height: expect.any(Number), density: expect.any(Number) },
      });
    }
    expect(page?.anonymousId).toBe(track?.anonymousId);
  });

  it('sends one request per flushAt messages and the rest after flushIntervalMs', async () => {
    const url = await h.fixtures.addPage('/batching', {
      init: initOptions(h, { flushAt: 3, flushIntervalMs: 1500 }),
    });
    await h.browser.page.goto(url);
    await waitForSdk(h.browser.page);
    for (const event of ['A', 'B', 'C', 'D']) await callCairn(h.browser.page, 'track', event);
    const first = await h.receiver.waitFor(() => h.receiver.batches()[0]);
    expect(first.batch.map((message) => message.event)).toEqual(['A', 'B', 'C']);
    const queuedAt = Date.now();
    const second = await h.receiver.waitFor(() => h.receiver.batches()[1]);
    expect(second.batch.map((message) => message.event)).toEqual(['D']);
    expect(Date.now() - queuedAt).toBeGreaterThan(1000);
  });

  it('flush() sends at once', async () => {
    const url = await h.fixtures.addPage('/flush', { init: initOptions(h, { flushIntervalMs: 60_000 }) });
    await h.browser.page.goto(url);
    await waitForSdk(h.browser.page);
    await callCairn(h.browser.page, 'track', 'Saved');
    await callCairn(h.browser.page, 'flush');
    expect(h.receiver.storedMessages().map((message) => message.event)).toEqual(['Saved']);
  });

  it('identify, group and alias carry the ids; the anonymous id survives a reload via cookie or localStorage', async () => {
    const url = await h.fixtures.addPage('/account', { init: initOptions(h, { flushAt: 1 }) });
    const { page } = h.browser;
    await page.goto(url);
    await waitForSdk(page);
    await callCairn(page, 'identify', 'user-42', { email: 'kim@example.de', plan: 'pro' });
    await callCairn(page, 'group', 'acme-gmbh', { employees: 40 });
    await callCairn(page, 'alias', 'crm-42');
    const messages = await h.receiver.waitFor(() => {
      const stored = h.receiver.storedMessages();
      return stored.length >= 3 && stored;
    });
    const anonymousId = messages[0]?.anonymousId;
    expect(messages).toMatchObject([
      { type: 'identify', userId: 'user-42', traits: { email: 'kim@example.de', plan: 'pro' } },
      { type: 'group', userId: 'user-42', groupId: 'acme-gmbh', traits: { employees: 40 } },
      { type: 'alias', userId: 'crm-42', previousId: 'user-42' },
    ]);
    const storage = await deviceStorage(page);
    expect(storage.cookie).toContain(`cairn_aid=${anonymousId}`);
    expect(storage.localStorageKeys).toEqual(
      expect.arrayContaining(['cairn_aid', 'cairn_uid', 'cairn_traits']),
    );

    // Cookie deleted: localStorage restores the id (and the user id).
    await h.browser.context.clearCookies();
    await page.reload();
    await waitForSdk(page);
    expect(await callCairn(page, 'anonymousId')).toBe(anonymousId);
    expect((await deviceStorage(page)).cookie).toContain(`cairn_aid=${anonymousId}`);

    // localStorage cleared: the cookie restores it.
    await page.evaluate(() =>
      (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear(),
    );
    await page.reload();
    await waitForSdk(page);
    expect(await callCairn(page, 'anonymousId')).toBe(anonymousId);
  });

  it('reset() starts a new anonymous visitor without the previous user id or traits', async () => {
    const url = await h.fixtures.addPage('/logout', { init: initOptions(h, { flushAt: 1 }) });
    const { page } = h.browser;
    await page.goto(url);
    await waitForSdk(page);
    await callCairn(page, 'identify', 'user-1', { email: 'a@example.de' });
    await callCairn(page, 'track', 'Logged Out');
    await callCairn(page, 'reset');
    await callCairn(page, 'track', 'Viewed Home');
    const [identify, before, after] = await h.receiver.waitFor(() => {
      const stored = h.receiver.storedMessages();
      return stored.length >= 3 && stored;
    });
    expect(before).toMatchObject({
      event: 'Logged Out',
      userId: 'user-1',
      anonymousId: identify?.anonymousId,
    });
    expect(after?.event).toBe('Viewed Home');
    expect(after?.userId).toBeUndefined();
    expect(after?.anonymousId).not.toBe(before?.anonymousId);
    const storage = await deviceStorage(page);
    expect(storage.cookie).toContain(`cairn_aid=${after?.anonymousId}`);
    expect(storage.localStorageKeys).not.toContain('cairn_uid');
    expect(storage.localStorageKeys).not.toContain('cairn_traits');
  });
});
