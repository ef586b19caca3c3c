import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkBundleRoutes } from './sdk-bundle.js';

describe('SDK bundle route', () => {
  let dir: string;
  const app = Fastify();
  beforeAll(async () => {
    dir = `${await mkdtemp(path.join(tmpdir(), 'cairn-sdk-'))}/`;
    await writeFile(`${dir}cairn.min.js`, 'window.cairn={};');
    await writeFile(`${dir}secret.txt`, 'not for the web');
    sdkBundleRoutes(app, { dir });
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the bundle so that other sites may embed it', async () => {
    const res = await app.inject({ url: '/sdk/cairn.min.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('window.cairn={};');
    expect(res.headers['content-type']).toContain('text/javascript');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('serves nothing outside the published bundles', async () => {
    expect((await app.inject({ url: '/sdk/secret.txt' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/sdk/..%2Fpackage.json' })).statusCode).toBe(404);
    // Listed but not built yet: a clear 404, not a crash.
    expect((await app.inject({ url: '/sdk/snippet.min.js' })).statusCode).toBe(404);
  });
});
