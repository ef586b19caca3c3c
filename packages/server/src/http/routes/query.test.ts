import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryKinds } from '../../domains/analytics/query-schema.js';
import { bearer, mintToken, setUpInstance } from '../../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

describe('POST /api/v1/workspaces/{id}/query: validation and access', () => {
  let t: TestApp;
  let workspaceId: string;
  const post = (payload: unknown, headers: Record<string, string> = adminHeaders) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/query`,
      headers,
      payload: payload as object,
    });
  const fieldsOf = async (payload: unknown) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CAIRN_VALIDATION_FAILED');
    return (res.json().error.details as { field: string }[]).map((d) => d.field);
  };
  const last = { last: '30d' };

  beforeAll(async () => {
    t = await startTestApp();
    ({ workspaceId } = await setUpInstance(t));
  });
  afterAll(() => t.close());

  it('names the offending field of an invalid query', async () => {
    expect(await fieldsOf({ kind: 'cohorts', timeRange: last })).toEqual(['body.kind']);
    expect(await fieldsOf({ kind: 'kpi', metric: 'happiness', timeRange: last })).toEqual(['body.metric']);
    expect(await fieldsOf({ kind: 'kpi', metric: 'nps', timeRange: { last: '2w' } })).toContain(
      'body.timeRange.last',
    );
    expect(
      await fieldsOf({
        kind: 'kpi',
        metric: 'nps',
        timeRange: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
      }),
    ).toEqual(['body.timeRange.to']);
    // The year 10000 once in UTC: no instant the store keeps.
    expect(
      await fieldsOf({
        kind: 'kpi',
        metric: 'nps',
        timeRange: { from: '9999-12-31T23:59:59-01:00', to: '9999-12-31T23:59:59-02:00' },
      }),
    ).toEqual(['body.timeRange.from']);
    expect(
      await fieldsOf({
        kind: 'kpi',
        metric: 'nps',
        timeRange: last,
        filters: [{ field: 'email', op: 'eq', value: 'x' }],
      }),
    ).toEqual(['body.filters.0.field']);
    expect(
      await fieldsOf({
        kind: 'kpi',
        metric: 'nps',
        timeRange: last,
        filters: [{ field: 'channel', op: 'like', value: 'x' }],
      }),
    ).toEqual(['body.filters.0.op']);
    expect(
      await fieldsOf({
        kind: 'kpi',
        metric: 'revenue',
        timeRange: last,
        filters: [{ field: 'channel', op: 'in', value: 'web' }],
      }),
    ).toEqual(['body.filters.0.value']);
    expect(
      await fieldsOf({
        kind: 'funnel',
        timeRange: last,
        steps: [{ event: 'A' }, { event: 'B' }],
        windowSeconds: 0,
      }),
    ).toEqual(['body.windowSeconds']);
    expect(
      await fieldsOf({ kind: 'paths', timeRange: last, direction: 'from', step: 'A', depth: 11 }),
    ).toEqual(['body.depth']);
    expect(
      await fieldsOf({ kind: 'kpi', metric: 'response_rate', breakdown: 'browser', timeRange: last }),
    ).toEqual(['body.breakdown']);
    expect(
      await fieldsOf({ kind: 'trend', metric: 'churn_rate', interval: 'week', timeRange: last }),
    ).toEqual(['body.metric']);
    expect(await fieldsOf({ kind: 'trend', metric: 'nps', interval: 'hour', timeRange: last })).toEqual([
      'body.interval',
    ]);
    expect(await fieldsOf({ kind: 'kpi', metric: 'nps', timeRange: last, sql: 'DROP TABLE events' })).toEqual(
      ['body.sql'],
    );
  });

  it('lets viewers run queries (aggregates only) and refuses other workspaces', async () => {
    const { token } = await mintToken(t, workspaceId, 'viewer');
    const res = await post({ kind: 'kpi', metric: 'nps', timeRange: last }, bearer(token));
    expect(res.statusCode).toBe(200);
    expect(res.json().groups[0].current).toMatchObject({ n: 0, value: null });
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/01890000-0000-7000-8000-000000000000/query',
      headers: bearer(token),
      payload: { kind: 'kpi', metric: 'nps', timeRange: last },
    });
    expect(other.statusCode).toBe(403);
  });

  it('documents every query kind with an example in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/workspaces/{workspaceId}/query'].post;
    const examples = Object.values(op.requestBody.content['application/json'].examples) as {
      value: { kind: string };
    }[];
    const kinds = [...new Set(examples.map((e) => e.value.kind))].sort();
    expect(kinds).toEqual([...queryKinds].sort());
    expect(kinds).toContain('journey');
    expect(kinds).toContain('key_moments');
    for (const kind of kinds) expect(op.description).toContain(`**${kind}**`);
  });
});
