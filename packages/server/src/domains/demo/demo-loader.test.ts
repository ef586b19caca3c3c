import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectApi } from '../../test-support/inject-api.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { type DemoLoadResult, loadDemoWorld } from './demo-loader.js';

describe('loading the demo world through the API', () => {
  let test: TestApp;
  let result: DemoLoadResult;

  beforeAll(async () => {
    // The world ends on the app's (pinned) today, so relative windows such as the last 12 months see all of it.
    test = await startTestApp({}, () => new Date('2026-06-30T12:00:00Z'));
    result = await loadDemoWorld(injectApi(test), {
      seed: 1,
      customers: 300,
      batchSize: 2000,
      endDate: '2026-06-30',
    });
  }, 120_000);
  afterAll(() => test.close());

  it('stores every generated event once, in a workspace named for the demo', async () => {
    expect(result.events.rejected).toBe(0);
    expect(result.events.stored).toBe(result.events.sent);
    const workspace = await test.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${result.workspaceId}`,
      headers: adminHeaders,
    });
    expect(workspace.json()).toMatchObject({ name: 'Nordlicht Sport (Demo)', timeZone: 'Europe/Berlin' });
  });

  it('shows a customer whose profile joins events from several channels, orders and revenue in EUR', async () => {
    let best: { channels: { channel: string }[]; orders: number; currencies: string[] } | undefined;
    for (let index = 0; index < 40; index++) {
      const response = await test.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${result.workspaceId}/profiles/lookup?userId=cust-${index}`,
        headers: adminHeaders,
      });
      if (response.statusCode !== 200) continue;
      const facts = response.json().facts;
      if (!best || facts.channels.length > best.channels.length) best = facts;
    }
    expect(best?.channels.length).toBeGreaterThanOrEqual(4);
    expect(best?.orders).toBeGreaterThan(0);
    expect(best?.currencies).toEqual(['EUR']);
  });

  it('loads the surveys and their responses when the surveys API exists', () => {
    if (!result.surveys.loaded) {
      expect(result.surveys.note).toContain('events only');
      return;
    }
    expect(result.surveys.surveys).toBe(4);
    expect(result.surveys.responses).toBeGreaterThan(100);
    expect(result.surveys.duplicates).toBe(0);
  });

  it('sets up touchpoints the events map to and the surveys measure, the journey through them, and segments', async () => {
    const get = async (path: string) =>
      (
        await test.app.inject({
          url: `/api/v1/workspaces/${result.workspaceId}${path}`,
          headers: adminHeaders,
        })
      ).json();
    const coverage = (await get('/touchpoints/coverage?last=12m')).items as {
      name: string;
      instrumented: boolean;
      measured: boolean;
    }[];
    expect(coverage.length).toBeGreaterThanOrEqual(10);
    const byName = new Map(coverage.map((c) => [c.name, c]));
    for (const name of [
      'Home page',
      'Checkout',
      'Order placed',
      'Delivery',
      'Customer service',
      'Newsletter',
    ])
      expect(byName.get(name)?.instrumented, name).toBe(true);
    for (const name of ['Checkout', 'Delivery', 'Customer service'])
      expect(byName.get(name)?.measured, name).toBe(true);

    const journeys = (await get('/journeys')).items as {
      stages: { name: string; touchpointIds: string[] }[];
    }[];
    expect(journeys[0]?.stages.map((s) => s.name)).toEqual([
      'Discover',
      'Consider',
      'Purchase',
      'Deliver',
      'Service',
      'Loyalty',
    ]);
    const segments = (await get('/segments')).items as { key: string }[];
    expect(segments.map((s) => s.key).sort()).toEqual(['english', 'hamburg-berlin', 'newsletter', 'plus']);
  });
});
