import { Analytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithWriteKey } from '../../packages/server/src/test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../packages/server/src/test-support/test-app.js';

/** The real Segment Node library, unchanged, pointed at Cairn over real HTTP. */
describe('@segment/analytics-node against Cairn', () => {
  let t: TestApp;
  let host: string;
  let workspaceId: string;
  let writeKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    host = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ workspaceId, writeKey } = await workspaceWithWriteKey(t.app));
  });
  afterAll(() => t.close());

  it('delivers every message type and they land on one profile', async () => {
    const analytics = new Analytics({ writeKey, host, flushAt: 3, maxRetries: 1 });
    const failures: unknown[] = [];
    analytics.on('error', (error) => failures.push(error));
    analytics.identify({
      anonymousId: 'seg-anon',
      userId: 'seg-user',
      traits: { email: 'seg@example.com', plan: 'gold' },
    });
    analytics.track({
      userId: 'seg-user',
      event: 'Order Completed',
      properties: { revenue: 120.5, currency: 'EUR' },
    });
    analytics.page({
      userId: 'seg-user',
      name: 'Checkout',
      properties: { url: 'https://shop.example/checkout' },
    });
    analytics.screen({ userId: 'seg-user', name: 'Orders' });
    analytics.group({ userId: 'seg-user', groupId: 'acme', traits: { name: 'ACME GmbH' } });
    analytics.alias({ userId: 'seg-user', previousId: 'seg-anon-2' });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(failures).toEqual([]);

    const profile = (
      await t.app.inject({
        url: `/api/v1/workspaces/${workspaceId}/profiles/lookup?email=seg@example.com`,
        headers: adminHeaders,
      })
    ).json();
    expect(
      profile.identities.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`).sort(),
    ).toEqual([
      'anonymous_id:seg-anon',
      'anonymous_id:seg-anon-2',
      'email:seg@example.com',
      'user_id:seg-user',
    ]);
    expect(profile.facts).toMatchObject({ eventCount: 6, orders: 1, revenue: 120.5 });
    expect(profile.groups).toEqual([{ groupId: 'acme', traits: { name: 'ACME GmbH' } }]);
    const timeline = (
      await t.app.inject({
        url: `/api/v1/workspaces/${workspaceId}/profiles/${profile.id}/timeline`,
        headers: adminHeaders,
      })
    ).json();
    expect(new Set(timeline.items.map((e: { type: string }) => e.type))).toEqual(
      new Set(['identify', 'track', 'page', 'screen', 'group', 'alias']),
    );
    expect(timeline.items.find((e: { type: string }) => e.type === 'track').context.library.name).toBe(
      '@segment/analytics-node',
    );
  });
});
