import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedRows } from '../../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

describe('POST /api/v1/users (operator)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const create = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers: adminHeaders, payload });

  it('creates an account without a workspace and never returns the hash', async () => {
    const res = await create({
      email: 'Kim@Example.com',
      password: 'twelve chars!',
      name: 'Kim',
      locale: 'en',
    });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['createdAt', 'email', 'id', 'locale', 'name']);
    expect(res.json()).toMatchObject({ email: 'Kim@Example.com', name: 'Kim', locale: 'en' });
    const [row] = await storedRows(t, 'SELECT password_hash FROM users WHERE id = $1', [res.json().id]);
    expect(String(row?.password_hash)).toMatch(/^\$argon2id\$/);
    expect(String(row?.password_hash)).not.toContain('twelve chars!');
  });

  it('refuses a second account for the same address in another case (409)', async () => {
    const res = await create({ email: 'kim@EXAMPLE.com', password: 'twelve chars!' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CAIRN_CONFLICT');
  });

  it('refuses unsupported locales, naming the field', async () => {
    const res = await create({ email: 'lu@example.com', password: 'twelve chars!', locale: 'fr' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'body.locale', message: 'must be one of de, en' }]);
  });

  it('records user.create with the operator as actor', async () => {
    const rows = await storedRows(t, "SELECT * FROM audit_log WHERE action = 'user.create'");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ workspace_id: null, actor_type: 'admin-token', target_type: 'user' });
  });
});
