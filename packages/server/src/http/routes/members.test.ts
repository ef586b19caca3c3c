import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  bearer,
  createWorkspace,
  logIn,
  memberPassword,
  mintToken,
  type SetUpInstance,
  sessionHeaders,
  setUpInstance,
} from '../../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

describe('members', () => {
  let t: TestApp;
  let instance: SetUpInstance;
  let members: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    instance = await setUpInstance(t);
    members = `/api/v1/workspaces/${instance.workspaceId}/members`;
    adminToken = (await mintToken(t, instance.workspaceId, 'admin')).token;
  });
  afterAll(() => t.close());

  const add = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url: members, headers, payload });
  const patch = (headers: Record<string, string>, userId: string, role: string) =>
    t.app.inject({ method: 'PATCH', url: `${members}/${userId}`, headers, payload: { role } });
  const remove = (headers: Record<string, string>, userId: string) =>
    t.app.inject({ method: 'DELETE', url: `${members}/${userId}`, headers });

  it('creates the account for a new address, who can then sign in', async () => {
    const res = await add(bearer(adminToken), {
      email: 'New.Person@Example.com',
      role: 'agent',
      name: 'Nia',
      password: memberPassword,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'New.Person@Example.com', name: 'Nia', role: 'agent' });
    expect((await logIn(t, 'new.person@example.com')).userId).toBe(res.json().userId);
  });

  it('requires a password for a new address, naming the field', async () => {
    const res = await add(bearer(adminToken), { email: 'nopass@example.com', role: 'viewer' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'body.password', message: 'is required when the e-mail address has no account yet' },
    ]);
  });

  it('adds an existing account without a password, keeping its password', async () => {
    const other = await createWorkspace(t, 'Other');
    await addMember(t, other, 'shared@example.com', 'viewer');
    const res = await add(bearer(adminToken), { email: 'SHARED@example.com', role: 'analyst' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'shared@example.com', role: 'analyst' });
    await logIn(t, 'shared@example.com', memberPassword);
  });

  it('refuses to add someone twice (409)', async () => {
    const res = await add(bearer(adminToken), { email: 'new.person@example.com', role: 'viewer' });
    expect(res.statusCode).toBe(409);
  });

  it('lists members with their roles, without password hashes', async () => {
    const res = await t.app.inject({ url: members, headers: bearer(adminToken) });
    const items = res.json().items as { email: string; role: string }[];
    expect(items.map((m) => [m.email, m.role])).toEqual(
      expect.arrayContaining([
        ['owner@example.com', 'owner'],
        ['New.Person@Example.com', 'agent'],
      ]),
    );
    expect(res.body).not.toContain('argon2');
  });

  describe('an admin cannot reach above its own role', () => {
    it('cannot add an owner', async () => {
      const res = await add(bearer(adminToken), {
        email: 'boss@example.com',
        role: 'owner',
        password: memberPassword,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('You are not allowed to grant the role owner.');
    });

    it('cannot promote anyone to owner', async () => {
      const userId = await addMember(t, instance.workspaceId, 'climber@example.com', 'viewer');
      expect((await patch(bearer(adminToken), userId, 'owner')).statusCode).toBe(403);
    });

    it('cannot demote or remove an owner', async () => {
      expect((await patch(bearer(adminToken), instance.owner.userId, 'viewer')).statusCode).toBe(403);
      expect((await remove(bearer(adminToken), instance.owner.userId)).statusCode).toBe(403);
    });

    it('can change and remove members at or below admin', async () => {
      const userId = await addMember(t, instance.workspaceId, 'temp@example.com', 'viewer');
      const changed = await patch(bearer(adminToken), userId, 'admin');
      expect(changed.statusCode).toBe(200);
      expect(changed.json().role).toBe('admin');
      expect((await remove(bearer(adminToken), userId)).statusCode).toBe(204);
      expect((await remove(bearer(adminToken), userId)).statusCode).toBe(404);
    });
  });

  describe('the last owner', () => {
    it('cannot be removed or demoted, even by themself', async () => {
      const owner = sessionHeaders(instance.owner);
      for (const res of [
        await remove(owner, instance.owner.userId),
        await patch(owner, instance.owner.userId, 'admin'),
      ]) {
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toEqual({
          code: 'CAIRN_CONFLICT',
          message: 'This is the last owner of the workspace: make another member owner first.',
        });
      }
    });

    it('can step down once there is another owner', async () => {
      const second = await addMember(t, instance.workspaceId, 'second.owner@example.com', 'owner');
      const owner = sessionHeaders(instance.owner);
      expect((await patch(owner, instance.owner.userId, 'admin')).statusCode).toBe(200);
      // Now `second` is the last owner: the operator cannot remove them either.
      expect((await remove(adminHeaders, second)).statusCode).toBe(409);
    });
  });
});
