import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../domains/access/secrets.js';
import {
  bearer,
  mintToken,
  type SetUpInstance,
  setUpInstance,
  storedRows,
} from '../../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

describe('API tokens', () => {
  let t: TestApp;
  let instance: SetUpInstance;
  let tokens: string;
  let clock = new Date('2026-05-04T08:00:00Z');

  beforeAll(async () => {
    t = await startTestApp({}, () => clock);
    instance = await setUpInstance(t);
    tokens = `/api/v1/workspaces/${instance.workspaceId}/tokens`;
  });
  afterAll(() => t.close());

  const create = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url: tokens, headers, payload });

  it('shows the token once and stores only its SHA-256', async () => {
    const res = await create(adminHeaders, { name: 'CI export', role: 'analyst' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^cairn_pat_[\w-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 16));
    expect(created).toMatchObject({ name: 'CI export', role: 'analyst' });

    const rows = await storedRows(t, 'SELECT * FROM api_tokens WHERE id = $1', [created.id]);
    expect(rows[0]?.token_hash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(rows)).not.toContain(created.token);

    const list = await t.app.inject({ url: tokens, headers: adminHeaders });
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(sha256Hex(created.token));
    expect(list.json().items).toContainEqual({
      id: created.id,
      name: 'CI export',
      role: 'analyst',
      prefix: created.prefix,
      createdAt: clock.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });
  });

  it('records when a token was last used, at most once a minute', async () => {
    const { token, id } = await mintToken(t, instance.workspaceId, 'viewer');
    const lastUsed = async () =>
      (await t.app.inject({ url: tokens, headers: adminHeaders }))
        .json()
        .items.find((i: { id: string }) => i.id === id).lastUsedAt;
    const used = clock.toISOString();
    await t.app.inject({ url: '/api/v1/me', headers: bearer(token) });
    expect(await lastUsed()).toBe(used);
    clock = new Date(clock.getTime() + 30_000);
    await t.app.inject({ url: '/api/v1/me', headers: bearer(token) });
    expect(await lastUsed()).toBe(used);
    clock = new Date(clock.getTime() + 30_000);
    await t.app.inject({ url: '/api/v1/me', headers: bearer(token) });
    expect(await lastUsed()).toBe(clock.toISOString());
  });

  it('lets an admin mint tokens up to admin, never owner', async () => {
    const { token } = await mintToken(t, instance.workspaceId, 'admin');
    expect((await create(bearer(token), { name: 'peer', role: 'admin' })).statusCode).toBe(201);
    const owner = await create(bearer(token), { name: 'escalation', role: 'owner' });
    expect(owner.statusCode).toBe(403);
    expect(owner.json().error).toEqual({
      code: 'CAIRN_FORBIDDEN',
      message: 'You are not allowed to create tokens with the role owner.',
    });
  });

  it('does not let an admin revoke an owner token', async () => {
    const admin = await mintToken(t, instance.workspaceId, 'admin');
    const owner = await mintToken(t, instance.workspaceId, 'owner');
    const res = await t.app.inject({
      method: 'DELETE',
      url: `${tokens}/${owner.id}`,
      headers: bearer(admin.token),
    });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(owner.token) })).statusCode).toBe(200);
  });

  it('revokes at once; revoking again succeeds without a second audit entry', async () => {
    const { token, id } = await mintToken(t, instance.workspaceId, 'agent');
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'DELETE', url: `${tokens}/${id}`, headers: adminHeaders });
      expect(res.statusCode).toBe(204);
    }
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
    const entries = await storedRows(
      t,
      "SELECT id FROM audit_log WHERE action = 'token.revoke' AND target_id = $1",
      [id],
    );
    expect(entries).toHaveLength(1);
    const listed = (await t.app.inject({ url: tokens, headers: adminHeaders })).json().items;
    expect(listed.find((i: { id: string }) => i.id === id).revokedAt).toBe(clock.toISOString());
  });

  it('answers 404 for a token of another workspace', async () => {
    const other = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/workspaces',
        headers: adminHeaders,
        payload: { name: 'B' },
      })
    ).json().id;
    const { id } = await mintToken(t, other, 'viewer');
    expect(
      (await t.app.inject({ method: 'DELETE', url: `${tokens}/${id}`, headers: adminHeaders })).statusCode,
    ).toBe(404);
  });
});
