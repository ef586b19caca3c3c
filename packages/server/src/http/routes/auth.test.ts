import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../domains/access/secrets.js';
import {
  addMember,
  bearer,
  logIn,
  memberPassword,
  mintToken,
  ownerPassword,
  type Session,
  type SetUpInstance,
  sessionHeaders,
  setUpInstance,
  storedRows,
} from '../../test-support/access-helpers.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

const ttlHours = 2;
const start = new Date('2026-03-28T22:30:00Z');

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  let instance: SetUpInstance;
  let clock = start;

  beforeAll(async () => {
    t = await startTestApp({ CAIRN_SESSION_TTL_HOURS: String(ttlHours) }, () => clock);
    instance = await setUpInstance(t);
    await addMember(t, instance.workspaceId, 'Analyst@Example.com', 'analyst');
  });
  afterAll(() => t.close());

  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site, living as long as the session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: '  analyst@EXAMPLE.com ', password: memberPassword },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.email).toBe('Analyst@Example.com');
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(body)).not.toContain('argon2');
    const cookie = res.cookies.find((c) => c.name === 'cairn_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: ttlHours * 3600 });
    // CAIRN_COOKIE_SECURE=auto and plain HTTP: no Secure flag, or browsers would drop the cookie.
    expect(cookie?.secure).toBeUndefined();
  });

  it('stores only the SHA-256 of the session cookie', async () => {
    const session = await logIn(t, 'analyst@example.com');
    const secret = session.cookie.split('=')[1] as string;
    const rows = await storedRows(t, 'SELECT * FROM sessions WHERE user_id = $1', [session.userId]);
    expect(rows.map((r) => r.id_hash)).toContain(sha256Hex(secret));
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('describes the signed-in user in /me, with the CSRF token', async () => {
    const session = await logIn(t, 'analyst@example.com');
    const me = (await t.app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })).json();
    expect(me).toMatchObject({
      actor: { kind: 'user' },
      user: { id: session.userId, email: 'Analyst@Example.com' },
      workspaces: [{ id: instance.workspaceId, name: 'Acme', role: 'analyst' }],
      csrfToken: session.csrfToken,
    });
  });

  it('logout deletes the session and clears the cookie', async () => {
    const session = await logIn(t, 'analyst@example.com');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: sessionHeaders(session),
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(res.cookies.find((c) => c.name === 'cairn_session')).toMatchObject({ value: '', maxAge: 0 });
    const after = await t.app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('rejects a session once it expires (pinned clock)', async () => {
    clock = start;
    const session = await logIn(t, 'analyst@example.com');
    // Across the European DST change (2026-03-29 01:00 UTC): expiry is absolute time, so the change is irrelevant.
    clock = new Date(start.getTime() + ttlHours * 3_600_000 - 1000);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode).toBe(
      200,
    );
    clock = new Date(start.getTime() + ttlHours * 3_600_000);
    const expired = await t.app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('CAIRN_UNAUTHENTICATED');
    clock = start;
  });

  it('sweeps expired sessions on the next sign-in', async () => {
    clock = start;
    await logIn(t, 'analyst@example.com');
    clock = new Date(start.getTime() + 10 * ttlHours * 3_600_000);
    await logIn(t, 'analyst@example.com');
    const rows = await storedRows(t, 'SELECT expires_at FROM sessions');
    expect(rows.every((r) => Date.parse(String(r.expires_at)) > clock.getTime())).toBe(true);
    clock = start;
  });

  describe('CSRF on cookie-authenticated writes', () => {
    // A fresh session: the sweep test above has removed the one setup created.
    let owner: Session;
    beforeAll(async () => {
      owner = await logIn(t, instance.owner.email, ownerPassword);
    });
    const createKey = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${instance.workspaceId}/write-keys`,
        headers,
        payload: { name: 'Website' },
      });

    it('refuses a write without the X-CSRF-Token header', async () => {
      const res = await createKey(sessionHeaders(owner, false));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CAIRN_CSRF_REJECTED');
    });

    it("refuses a write with another session's token", async () => {
      const other = await logIn(t, 'analyst@example.com');
      const res = await createKey({ cookie: owner.cookie, 'x-csrf-token': other.csrfToken });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CAIRN_CSRF_REJECTED');
    });

    it('accepts a write with the right token', async () => {
      expect((await createKey(sessionHeaders(owner))).statusCode).toBe(201);
    });

    it('needs no header for reads', async () => {
      const res = await t.app.inject({
        url: `/api/v1/workspaces/${instance.workspaceId}/write-keys`,
        headers: sessionHeaders(owner, false),
      });
      expect(res.statusCode).toBe(200);
    });

    it('needs no header for bearer-token writes (another site cannot make a browser send a bearer token)', async () => {
      const { token } = await mintToken(t, instance.workspaceId, 'admin');
      expect((await createKey(bearer(token))).statusCode).toBe(201);
    });
  });
});

describe('Secure cookie flag', () => {
  it('is set when CAIRN_COOKIE_SECURE=always', async () => {
    const t = await startTestApp({ CAIRN_COOKIE_SECURE: 'always' });
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { email: 'o@example.com', password: 'a long password', workspaceName: 'W' },
      });
      expect(res.cookies.find((c) => c.name === 'cairn_session')?.secure).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('is set in auto mode when the request arrived over HTTPS (behind a trusted proxy)', async () => {
    const t = await startTestApp({ CAIRN_COOKIE_SECURE: 'auto', CAIRN_TRUST_PROXY: 'true' });
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'o@example.com', password: 'a long password', workspaceName: 'W' },
      });
      expect(res.cookies.find((c) => c.name === 'cairn_session')?.secure).toBe(true);
    } finally {
      await t.close();
    }
  });
});
