import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorFrom, parseJsonAnswer } from '../../cli/api-client.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { type DemoLoadResult, loadDemoWorld } from './demo-loader.js';
import type { JsonApi } from './json-api.js';

/** The API as the CLI's in-process mode reaches it: inject() on the real app, errors carrying their status. */
function injectApi(test: TestApp): JsonApi {
  return {
    async json<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
      const response = await test.app.inject({
        method,
        url,
        headers: adminHeaders,
        ...(body === undefined ? {} : { payload: body as object }),
      });
      if (response.statusCode >= 300) throw apiErrorFrom(response.statusCode, response.body);
      return parseJsonAnswer<T>(response.statusCode, response.body);
    },
  };
}

describe('loading the demo world through the API', () => {
  let test: TestApp;
  let result: DemoLoadResult;

  beforeAll(async () => {
    test = await startTestApp();
    result = await loadDemoWorld(injectApi(test), { seed: 1, customers: 300, batchSize: 2000 });
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
    expect(result.surveys.firstFailure).toBeUndefined();
    expect(result.surveys.failed).toBe(0);
  });
});
