import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoutes, isReservedPath } from '../../packages/server/src/http/routes/dashboard.js';
import { startTestApp, type TestApp } from '../../packages/server/src/test-support/test-app.js';
import { ensureDashboardBuilt } from './support/dashboard-build.js';

describe('the server serves the built dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    await ensureDashboardBuilt();
    t = await startTestApp();
  }, 240_000);
  afterAll(() => t?.close());

  it('answers / and every app address with index.html, revalidated on each load', async () => {
    for (const url of [
      '/',
      '/login',
      '/w/01934f5e-7b2a-7c3d-8e4f-123456789abc/settings/members',
      '/anything',
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root"></div>');
    }
  });

  it('bundles everything: no inline script, no CDN, only same-origin script and style files', async () => {
    const html = (await t.app.inject({ url: '/' })).body;
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/src="\/assets\/[^"]+\.js"/);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves hashed assets with a long cache lifetime and their real content type', async () => {
    const html = (await t.app.inject({ url: '/' })).body;
    const script = html.match(/\/assets\/[^"]+\.js/)?.[0] ?? '';
    const res = await t.app.inject({ url: script });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await t.app.inject({ url: '/assets/index-gone.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('CAIRN_ROUTE_NOT_FOUND');
  });

  it('keeps the JSON 404 envelope under /api, /v1, /healthz, /readyz and /metrics', async () => {
    for (const url of ['/api', '/api/v1/nothing', '/v1/nothing', '/healthz/x', '/readyz/x', '/metrics/x']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error: { code: 'CAIRN_ROUTE_NOT_FOUND' } });
    }
    expect((await t.app.inject({ method: 'POST', url: '/w/x' })).statusCode).toBe(404);
    expect(isReservedPath('/apis')).toBe(false);
    expect(isReservedPath('/v1')).toBe(true);
  });

  it('never serves files from outside the dashboard folder', async () => {
    for (const url of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/.gitignore',
    ]) {
      const res = await t.app.inject({ url });
      expect(res.body, url).not.toContain('"workspaces"');
      expect(res.body, url).not.toContain('node_modules');
    }
  });

  it('sends a CSP that allows the bundle and does not force https on plain-HTTP installs', async () => {
    const csp = (await t.app.inject({ url: '/' })).headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});

describe('without a built dashboard', () => {
  let emptyDir: string;
  beforeAll(async () => {
    emptyDir = await mkdtemp(path.join(tmpdir(), 'cairn-no-dashboard-'));
  });
  afterAll(() => rm(emptyDir, { recursive: true, force: true }));

  it('explains how to build it instead of failing obscurely', async () => {
    const app = Fastify();
    await app.register(dashboardRoutes, { dir: emptyDir });
    for (const url of ['/', '/w/123/settings/members']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.body).toContain('npm run build');
    }
    expect((await app.inject({ url: '/api/v1/me' })).statusCode).toBe(404);
    await app.close();
  });
});
