import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../domains/access/roles.js';
import type { DuckDbDatabase, SqlParam } from '../store/duckdb/database.js';
import { adminHeaders, type TestApp } from './test-app.js';

/** Helpers for tests that need accounts, sessions and tokens. They go through the HTTP API like a client would. */

export const ownerPassword = 'correct horse battery staple';
export const memberPassword = 'member password 1234';

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A signed-in browser: the cookie header to send and the CSRF token for writes. */
export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export const sessionHeaders = (s: Session, withCsrf = true) => ({
  cookie: s.cookie,
  ...(withCsrf ? { 'x-csrf-token': s.csrfToken } : {}),
});

/** `name=value` of the session cookie set by a response. */
export function sessionCookieFrom(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'cairn_session');
  if (!cookie) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `cairn_session=${cookie.value}`;
}

export function expectStatus(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) {
    throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  }
  return res;
}

export interface SetUpInstance {
  owner: Session & { email: string };
  workspaceId: string;
}

/** Runs first-time setup: an owner account (signed in) and a first workspace. */
export async function setUpInstance(t: TestApp, email = 'owner@example.com'): Promise<SetUpInstance> {
  const res = expectStatus(
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email, password: ownerPassword, name: 'Olga Owner', workspaceName: 'Acme' },
    }),
    201,
  );
  const body = res.json();
  return {
    owner: { cookie: sessionCookieFrom(res), csrfToken: body.csrfToken, userId: body.user.id, email },
    workspaceId: body.workspace.id,
  };
}

export async function createWorkspace(t: TestApp, name: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/workspaces',
    headers: adminHeaders,
    payload: { name },
  });
  return expectStatus(res, 201).json().id;
}

/** Adds a member (creating the account) as the operator; returns the new user's id. */
export async function addMember(t: TestApp, workspaceId: string, email: string, role: Role): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/members`,
    headers: adminHeaders,
    payload: { email, role, password: memberPassword },
  });
  return expectStatus(res, 201).json().userId;
}

/** Mints a token as the operator; returns the bearer secret and the token's id. */
export async function mintToken(
  t: TestApp,
  workspaceId: string,
  role: Role,
): Promise<{ token: string; id: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/tokens`,
    headers: adminHeaders,
    payload: { name: `${role} token`, role },
  });
  const body = expectStatus(res, 201).json();
  return { token: body.token, id: body.id };
}

/** Signs in; pass a distinct remoteAddress when a test signs in often (login is rate-limited per client). */
export async function logIn(
  t: TestApp,
  email: string,
  password = memberPassword,
  remoteAddress = '127.0.0.1',
): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress,
  });
  const body = expectStatus(res, 200).json();
  return { cookie: sessionCookieFrom(res), csrfToken: body.csrfToken, userId: body.user.id };
}

/** Rows exactly as DuckDB stores them, for tests that check what is (not) written to disk. */
export async function storedRows(t: TestApp, sql: string, params: SqlParam[] = []) {
  const { database } = t.store as TestApp['store'] & { database?: DuckDbDatabase };
  if (!database) throw new Error('storedRows needs the DuckDB store');
  return database.autocommit.all(sql, params);
}
