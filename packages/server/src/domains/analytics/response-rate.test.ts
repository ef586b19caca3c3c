import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { analyticsWorkspace } from './analytics-test-support.js';

/**
 * Hand-computed from the contact ledger, 2026-04-01..2026-04-08:
 * web: p1 shown, answered → yes; p2 shown twice (counts once), never answered; p3 shown, answered BEFORE being
 * shown (a link answer) → no. email: p4 invited, answered after the period ended → yes. Outside the range: p5.
 * Overall 2 of 4 = 50 %; web 1 of 3; email 1 of 1.
 */
describe('response_rate from the survey contact ledger', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof analyticsWorkspace>>;
  beforeAll(async () => {
    t = await startTestApp();
    w = await analyticsWorkspace(t);
    const contact = (profile: string, kind: string, channel: string, at: string, survey = 's1') =>
      w.database.autocommit.run('INSERT INTO survey_contacts VALUES ($1, $2, $3, $4, $5, $6::TIMESTAMPTZ)', [
        w.workspaceId,
        profile,
        survey,
        channel,
        kind,
        at,
      ]);
    await contact('p1', 'shown', 'web', '2026-04-02T10:00:00Z');
    await contact('p1', 'answered', 'web', '2026-04-02T10:01:00Z');
    await contact('p2', 'shown', 'web', '2026-04-03T10:00:00Z');
    await contact('p2', 'shown', 'web', '2026-04-04T10:00:00Z');
    await contact('p3', 'answered', 'web', '2026-04-01T09:00:00Z');
    await contact('p3', 'shown', 'web', '2026-04-05T10:00:00Z');
    await contact('p4', 'invited', 'email', '2026-04-06T10:00:00Z');
    await contact('p4', 'answered', 'email', '2026-04-09T08:00:00Z');
    await contact('p5', 'shown', 'web', '2026-03-20T10:00:00Z');
  });
  afterAll(() => t.close());

  const range = { timeRange: { from: '2026-04-01T00:00:00Z', to: '2026-04-08T00:00:00Z' } };

  it('counts contacted customers who answered after being contacted', async () => {
    const res = await w.query({ kind: 'kpi', metric: 'response_rate', compare: false, ...range });
    expect(res.statusCode).toBe(200);
    expect(res.json().groups[0].current).toMatchObject({ value: 50, n: 4 });
  });

  it('breaks it down by channel', async () => {
    const res = await w.query({
      kind: 'kpi',
      metric: 'response_rate',
      breakdown: 'channel',
      compare: false,
      ...range,
    });
    const byChannel = Object.fromEntries(
      res
        .json()
        .groups.map((g: { key: string; current: { value: number; n: number } }) => [
          g.key,
          [g.current.value, g.current.n],
        ]),
    );
    expect(byChannel.email).toEqual([100, 1]);
    expect(byChannel.web[1]).toBe(3);
    expect(byChannel.web[0]).toBeCloseTo(100 / 3, 6);
  });

  it('refuses breakdowns and filters it cannot honour, naming the field', async () => {
    const bad = await w.query({ kind: 'kpi', metric: 'response_rate', breakdown: 'page_path', ...range });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('body.breakdown');
    const filtered = await w.query({
      kind: 'kpi',
      metric: 'response_rate',
      filters: [{ field: 'channel', op: 'eq', value: 'web' }],
      ...range,
    });
    expect(JSON.stringify(filtered.json().error.details)).toContain('body.filters');
  });
});
