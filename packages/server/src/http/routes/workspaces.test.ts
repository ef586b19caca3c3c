import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  mintToken,
  type SetUpInstance,
  sessionHeaders,
  setUpInstance,
} from '../../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

describe('workspaces', () => {
  let t: TestApp;
  let instance: SetUpInstance;
  beforeAll(async () => {
    t = await startTestApp();
    instance = await setUpInstance(t);
  });
  afterAll(() => t.close());

  it('makes a signed-in creator the owner, with Berlin time and German as defaults', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: sessionHeaders(instance.owner),
      payload: { name: '  Shop  ' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Shop', timeZone: 'Europe/Berlin', defaultLocale: 'de' });
    const list = await t.app.inject({
      url: '/api/v1/workspaces',
      headers: { cookie: instance.owner.cookie },
    });
    expect(list.json().items).toContainEqual(expect.objectContaining({ id: res.json().id, role: 'owner' }));
  });

  it('accepts IANA aliases in any case and stores the canonical spelling', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: adminHeaders,
      payload: { name: 'Vienna', timeZone: 'europe/vienna', defaultLocale: 'en' },
    });
    expect(res.json()).toMatchObject({ timeZone: 'Europe/Vienna', defaultLocale: 'en' });
  });

  it('shows the operator every workspace, as owner', async () => {
    const items = (await t.app.inject({ url: '/api/v1/workspaces', headers: adminHeaders })).json().items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((w: { role: string }) => w.role))).toEqual(new Set(['owner']));
  });

  it('shows an API token only its own workspace', async () => {
    const { token } = await mintToken(t, instance.workspaceId, 'viewer');
    const items = (await t.app.inject({ url: '/api/v1/workspaces', headers: bearer(token) })).json().items;
    expect(items).toEqual([expect.objectContaining({ id: instance.workspaceId, role: 'viewer' })]);
  });

  it('updates name, time zone and language, and records what changed', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${instance.workspaceId}`,
      headers: sessionHeaders(instance.owner),
      payload: { name: 'Acme AG', timeZone: 'America/New_York' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Acme AG', timeZone: 'America/New_York', defaultLocale: 'de' });
    const got = await t.app.inject({
      url: `/api/v1/workspaces/${instance.workspaceId}`,
      headers: adminHeaders,
    });
    expect(got.json()).toEqual(res.json());
    const log = await t.app.inject({
      url: `/api/v1/workspaces/${instance.workspaceId}/audit-log?limit=1`,
      headers: adminHeaders,
    });
    expect(log.json().items[0]).toMatchObject({
      action: 'workspace.update',
      actorType: 'user',
      actorId: instance.owner.userId,
      details: {
        from: { name: 'Acme', timeZone: 'Europe/Berlin' },
        to: { name: 'Acme AG', timeZone: 'America/New_York' },
      },
    });
  });

  it('refuses an empty change and an unknown language, naming the field', async () => {
    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/workspaces/${instance.workspaceId}`,
        headers: adminHeaders,
        payload,
      });
    expect((await patch({})).statusCode).toBe(400);
    const res = await patch({ defaultLocale: 'fr' });
    expect(res.json().error.details).toEqual([
      { field: 'body.defaultLocale', message: 'must be one of de, en' },
    ]);
  });

  it('answers 404 to the operator for a workspace that does not exist', async () => {
    const res = await t.app.inject({
      url: '/api/v1/workspaces/01890000-0000-7000-8000-000000000001',
      headers: adminHeaders,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('CAIRN_NOT_FOUND');
  });
});
