import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedRows } from '../../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

const firstOwner = {
  email: ' Founder@Example.com ',
  password: 'a very long password',
  name: 'Frieda Founder',
  workspaceName: 'Acme GmbH',
};

describe('first-time setup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const setup = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/setup', payload });

  it('is needed while no account exists', async () => {
    expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needed: true });
  });

  it('refuses a short password and stores nothing', async () => {
    const res = await setup({ ...firstOwner, password: 'too short' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'body.password', message: 'must NOT have fewer than 12 characters' },
    ]);
    expect(await storedRows(t, 'SELECT id FROM users')).toEqual([]);
  });

  it('refuses a blank workspace name, naming the field', async () => {
    const res = await setup({ ...firstOwner, workspaceName: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'body.workspaceName', message: 'must not be empty' }]);
  });

  it('creates the owner, the workspace and a session, once', async () => {
    const res = await setup(firstOwner);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email: 'Founder@Example.com', name: 'Frieda Founder', locale: 'de' });
    expect(body.workspace).toMatchObject({
      name: 'Acme GmbH',
      timeZone: 'Europe/Berlin',
      defaultLocale: 'de',
    });
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);
    const cookie = res.cookies.find((c) => c.name === 'cairn_session');
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { cookie: `cairn_session=${cookie?.value}` },
    });
    expect(me.json().workspaces).toEqual([{ id: body.workspace.id, name: 'Acme GmbH', role: 'owner' }]);

    expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    const again = await setup({ ...firstOwner, email: 'intruder@example.com' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CAIRN_SETUP_ALREADY_DONE');
    expect(await storedRows(t, 'SELECT email FROM users')).toEqual([{ email: 'Founder@Example.com' }]);
  });

  it('records setup.complete in the audit log, with the new owner as actor', async () => {
    const [entry] = await storedRows(t, "SELECT * FROM audit_log WHERE action = 'setup.complete'");
    const [user] = await storedRows(t, 'SELECT id FROM users');
    expect(entry).toMatchObject({
      actor_type: 'user',
      actor_id: user?.id,
      target_type: 'user',
      target_id: user?.id,
    });
  });
});

describe('setup race', () => {
  it('lets exactly one of two simultaneous setups win', async () => {
    const t = await startTestApp();
    try {
      const [a, b] = await Promise.all(
        ['a@example.com', 'b@example.com'].map((email) =>
          t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...firstOwner, email } }),
        ),
      );
      expect([a?.statusCode, b?.statusCode].sort()).toEqual([201, 409]);
      expect(await storedRows(t, 'SELECT count(*) AS n FROM workspaces')).toEqual([{ n: 1 }]);
    } finally {
      await t.close();
    }
  });
});

describe('first-time setup after automation created workspaces', () => {
  it('makes the first account owner of the workspaces created before it (e.g. the demo world)', async () => {
    const t = await startTestApp();
    try {
      const demo = await t.app.inject({
        method: 'POST',
        url: '/api/v1/workspaces',
        headers: adminHeaders,
        payload: { name: 'Nordlicht Sport (Demo)' },
      });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: firstOwner });
      expect(res.statusCode).toBe(201);
      const cookie = res.cookies.find((c) => c.name === 'cairn_session');
      const me = await t.app.inject({
        url: '/api/v1/me',
        headers: { cookie: `cairn_session=${cookie?.value}` },
      });
      expect(
        me
          .json()
          .workspaces.map((w: { id: string; role: string }) => [w.id, w.role])
          .sort(),
      ).toEqual(
        [
          [demo.json().id, 'owner'],
          [res.json().workspace.id, 'owner'],
        ].sort(),
      );
    } finally {
      await t.close();
    }
  });
});
