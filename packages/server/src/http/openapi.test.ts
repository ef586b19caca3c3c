import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  responses?: Record<string, unknown>;
}

/** Route templates as Fastify writes them (:id) and as OpenAPI does ({id}). */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('OpenAPI document', () => {
  let t: TestApp;
  let operations: { key: string; op: Operation }[];

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.app.inject({ url: '/api/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}: ${res.body}`);
    const paths = res.json().paths as Record<string, Record<string, Operation>>;
    operations = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
      );
  });
  afterAll(() => t.close());

  it('documents every /api/v1 route', () => {
    const documented = new Set(operations.map((o) => o.key));
    const missing = t.app.declaredRoutes
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${openApiPath(r.url)}`)
      .filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  it('gives every operation a tag, a summary, a description and a success response', () => {
    const incomplete = operations.flatMap(({ key, op }) => {
      const gaps = [
        op.tags?.length ? null : 'tags',
        op.summary ? null : 'summary',
        op.description ? null : 'description',
        Object.keys(op.responses ?? {}).some((status) => status.startsWith('2')) ? null : '2xx response',
      ].filter(Boolean);
      return gaps.length ? [`${key}: no ${gaps.join(', ')}`] : [];
    });
    expect(incomplete).toEqual([]);
  });

  it('marks exactly the public routes as needing no credentials', () => {
    const publicKeys = new Set(
      t.app.declaredRoutes
        .filter((r) => r.access.kind === 'public')
        .map((r) => `${r.method} ${openApiPath(r.url)}`),
    );
    const mismatched = operations
      .filter(
        ({ key, op }) => publicKeys.has(key) !== (Array.isArray(op.security) && op.security.length === 0),
      )
      .map(({ key }) => key);
    expect(mismatched).toEqual([]);
  });

  it('exposes no password or token hash in any schema', () => {
    const body = JSON.stringify(operations);
    expect(body).not.toMatch(/passwordHash|password_hash|tokenHash|token_hash|idHash/);
  });
});
