import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  expectStatus,
  mintToken,
  ownerPassword,
  type SetUpInstance,
  setUpInstance,
} from '../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../test-support/test-app.js';
import { loginAttemptsPerMinute } from './routes/auth.js';

/**
 * One app with small limits. The rate limit counts per client address, so every test sends from its own
 * remoteAddress and only the rate-limit tests ever reach the limit.
 */
const rateLimit = 5;
let nextAddress = 1;
const freshAddress = () => `10.9.0.${nextAddress++}`;

describe('error envelope', () => {
  let t: TestApp;
  let instance: SetUpInstance;
  let adminToken: string;
  let viewerToken: string;

  beforeAll(async () => {
    t = await startTestApp({
      CAIRN_BODY_LIMIT_BYTES: '1024',
      CAIRN_RATE_LIMIT_PER_MINUTE: String(rateLimit),
    });
    instance = await setUpInstance(t);
    adminToken = (await mintToken(t, instance.workspaceId, 'admin')).token;
    viewerToken = (await mintToken(t, instance.workspaceId, 'viewer')).token;
  });
  afterAll(() => t.close());

  const inject = (options: InjectOptions) => t.app.inject({ remoteAddress: freshAddress(), ...options });

  it('400 CAIRN_MALFORMED_JSON for a body that is not JSON', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CAIRN_MALFORMED_JSON');
  });

  it('413 CAIRN_PAYLOAD_TOO_LARGE above CAIRN_BODY_LIMIT_BYTES, naming the limit', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@example.com', password: 'x'.repeat(2000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({
      code: 'CAIRN_PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than the limit of 1024 bytes.',
    });
  });

  it('401 CAIRN_UNAUTHENTICATED without credentials, and with an unknown token', async () => {
    for (const headers of [{}, bearer('cairn_pat_not-a-real-token')]) {
      const res = await inject({ url: '/api/v1/me', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('CAIRN_UNAUTHENTICATED');
    }
  });

  it('403 CAIRN_FORBIDDEN for a role that may not, saying what was refused', async () => {
    const res = await inject({
      url: `/api/v1/workspaces/${instance.workspaceId}/members`,
      headers: bearer(viewerToken),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({
      code: 'CAIRN_FORBIDDEN',
      message: 'You are not allowed to see the members of this workspace.',
    });
  });

  it('400 CAIRN_VALIDATION_FAILED naming each field (schema checks)', async () => {
    const res = await inject({
      method: 'POST',
      url: `/api/v1/workspaces/${instance.workspaceId}/tokens`,
      headers: bearer(adminToken),
      payload: { role: 'boss', colour: 'blue' },
    });
    expect(res.statusCode).toBe(400);
    const { code, details } = res.json().error;
    expect(code).toBe('CAIRN_VALIDATION_FAILED');
    expect(details).toEqual(
      expect.arrayContaining([
        { field: 'body.role', message: 'must be one of owner, admin, analyst, agent, viewer' },
        { field: 'body.name', message: 'is required' },
        { field: 'body.colour', message: 'is not an accepted field' },
      ]),
    );
  });

  it('400 CAIRN_VALIDATION_FAILED naming the field for domain checks (time zone, e-mail)', async () => {
    const tz = await inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${instance.workspaceId}`,
      headers: bearer(adminToken),
      payload: { timeZone: 'Mars/Olympus_Mons' },
    });
    expect(tz.statusCode).toBe(400);
    expect(tz.json().error.details).toEqual([
      { field: 'body.timeZone', message: 'must be an IANA time zone name such as Europe/Berlin' },
    ]);
    const email = await inject({
      method: 'POST',
      url: `/api/v1/workspaces/${instance.workspaceId}/members`,
      headers: bearer(adminToken),
      payload: { email: 'not an address', role: 'viewer' },
    });
    expect(email.statusCode).toBe(400);
    expect(email.json().error.details[0].field).toBe('body.email');
  });

  it('404 CAIRN_ROUTE_NOT_FOUND for unknown routes, with or without credentials', async () => {
    for (const headers of [{}, adminHeaders]) {
      const res = await inject({ method: 'DELETE', url: '/api/v1/no-such-thing', headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('CAIRN_ROUTE_NOT_FOUND');
    }
  });

  it('401 for a revoked token, from the moment it is revoked', async () => {
    const { token, id } = await mintToken(t, instance.workspaceId, 'analyst');
    expect((await inject({ url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(200);
    expectStatus(
      await inject({
        method: 'DELETE',
        url: `/api/v1/workspaces/${instance.workspaceId}/tokens/${id}`,
        headers: bearer(adminToken),
      }),
      204,
    );
    const res = await inject({ url: '/api/v1/me', headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('CAIRN_UNAUTHENTICATED');
  });

  it('401 CAIRN_INVALID_CREDENTIALS alike for a wrong password and an unknown address', async () => {
    for (const email of [instance.owner.email, 'nobody@example.com']) {
      const res = await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: `${ownerPassword}!` },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({
        code: 'CAIRN_INVALID_CREDENTIALS',
        message: 'The e-mail address or password is wrong.',
      });
    }
  });

  it('429 CAIRN_RATE_LIMITED with Retry-After above CAIRN_RATE_LIMIT_PER_MINUTE', async () => {
    const remoteAddress = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i <= rateLimit; i++) {
      statuses.push(
        (await t.app.inject({ url: '/api/v1/me', headers: adminHeaders, remoteAddress })).statusCode,
      );
    }
    expect(statuses).toEqual([...Array(rateLimit).fill(200), 429]);
    const res = await t.app.inject({ url: '/api/v1/me', headers: adminHeaders, remoteAddress });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().error).toEqual({
      code: 'CAIRN_RATE_LIMITED',
      message: `Too many requests: retry after ${res.headers['retry-after']} seconds.`,
    });
  });

  it(`limits sign-in to ${loginAttemptsPerMinute} attempts a minute per client, whatever the global limit`, async () => {
    const remoteAddress = freshAddress();
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: instance.owner.email, password: 'wrong password!!' },
        remoteAddress,
      });
    for (let i = 0; i < loginAttemptsPerMinute; i++) expect((await attempt()).statusCode).toBe(401);
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.json().error.code).toBe('CAIRN_RATE_LIMITED');
  });
});
