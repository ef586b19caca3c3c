import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mintToken, type SetUpInstance, setUpInstance } from '../../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

describe('write keys', () => {
  let t: TestApp;
  let instance: SetUpInstance;
  let keys: string;

  beforeAll(async () => {
    t = await startTestApp();
    instance = await setUpInstance(t);
    keys = `/api/v1/workspaces/${instance.workspaceId}/write-keys`;
  });
  afterAll(() => t.close());

  it('creates, lists (analysts included) and revokes keys', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: keys,
      headers: adminHeaders,
      payload: { name: 'Shop' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.key).toMatch(/^cairn_wk_[\w-]{43}$/);
    expect(Object.keys(created).sort()).toEqual(['createdAt', 'id', 'key', 'name']);

    const { token: analyst } = await mintToken(t, instance.workspaceId, 'analyst');
    const list = await t.app.inject({ url: keys, headers: bearer(analyst) });
    expect(list.json().items).toEqual([{ ...created, revokedAt: null }]);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `${keys}/${created.id}`,
      headers: adminHeaders,
    });
    expect(revoked.statusCode).toBe(204);
    const after = (await t.app.inject({ url: keys, headers: bearer(analyst) })).json().items[0];
    expect(after.revokedAt).toEqual(expect.any(String));
  });

  it('refuses a blank name, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: keys,
      headers: adminHeaders,
      payload: { name: '  ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'body.name', message: 'must not be empty' }]);
  });

  it('answers 404 for an unknown key', async () => {
    const res = await t.app.inject({
      method: 'DELETE',
      url: `${keys}/01890000-0000-7000-8000-000000000002`,
      headers: adminHeaders,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe(
      'Write key 01890000-0000-7000-8000-000000000002 does not exist or is not visible to you.',
    );
  });
});
