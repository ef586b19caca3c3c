import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiMetrics } from '../../../domains/analytics/query-schema.js';
import type { PlannedFilter, QueryPlan } from '../../analytics-port.js';
import type { Store } from '../../port.js';
import { openDuckDbStore } from '../store.js';

/** SQL-shape tests: every generated statement is planned by the real engine (EXPLAIN), with every filter shape. */
const base = {
  workspaceId: 'ws',
  timeZone: 'Europe/Berlin',
  from: '2026-03-01T00:00:00.000Z',
  to: '2026-04-01T00:00:00.000Z',
  touchpoints: [
    {
      id: 'tp-checkout',
      stage: 'Purchase',
      rules: [{ event: 'Order Completed', properties: [{ name: 'plan', value: 'pro' }] }],
    },
    { id: 'tp-help', stage: null, rules: [{ urlPattern: '/help/*' }, { event: 'Ticket Opened' }] },
  ],
};
const eventFilters: PlannedFilter[] = [
  { field: { kind: 'column', name: 'channel' }, op: 'in', value: ['web', 'app'] },
  { field: { kind: 'property', name: 'plan' }, op: 'eq', value: 'pro' },
  { field: { kind: 'property', name: 'revenue' }, op: 'gte', value: 10 },
  { field: { kind: 'trait', name: 'city' }, op: 'contains', value: 'ber' },
  { field: { kind: 'column', name: 'utm_source' }, op: 'neq', value: 'x' },
  { field: { kind: 'column', name: 'touchpoint' }, op: 'eq', value: 'tp-help' },
  { field: { kind: 'column', name: 'stage' }, op: 'in', value: ['Purchase'] },
];
const surveyFilters: PlannedFilter[] = [
  { field: { kind: 'column', name: 'stage' }, op: 'eq', value: 'Purchase' },
  { field: { kind: 'trait', name: 'plan' }, op: 'eq', value: true },
];

function metricPlans(): QueryPlan[] {
  return kpiMetrics.flatMap((metric) =>
    (['day', null] as const).map((interval) => ({
      ...base,
      kind: 'metric' as const,
      metric,
      filters: ['nps', 'csat', 'ces'].includes(metric) ? surveyFilters : eventFilters,
      previousFrom: '2026-02-01T00:00:00.000Z',
      interval,
      breakdown: { kind: 'trait' as const, name: 'plan' },
      conversionEvent: 'Order Completed',
      vital: 'lcp' as const,
      topic: 'delivery',
      custom: null,
    })),
  );
}

/** Every custom aggregate on both sources, with definition filters, a ratio denominator and a breakdown. */
function customMetricPlans(): QueryPlan[] {
  const aggregates = ['count', 'sum', 'average', 'ratio'] as const;
  return (['events', 'responses'] as const).flatMap((source) =>
    aggregates.map((aggregate) => ({
      ...base,
      kind: 'metric' as const,
      metric: `custom_${aggregate}` as const,
      filters: source === 'events' ? eventFilters : surveyFilters,
      previousFrom: '2026-02-01T00:00:00.000Z',
      interval: 'week' as const,
      breakdown: { kind: 'column' as const, name: 'channel' as const },
      conversionEvent: 'Order Completed',
      vital: 'lcp' as const,
      topic: null,
      custom: {
        source,
        aggregate,
        field:
          aggregate === 'sum' || aggregate === 'average'
            ? source === 'events'
              ? { kind: 'property' as const, name: 'revenue' }
              : { kind: 'question' as const, name: 'csat' }
            : null,
        filters: source === 'events' ? eventFilters : surveyFilters,
        denominatorFilters: aggregate === 'ratio' ? (source === 'events' ? eventFilters : surveyFilters) : [],
      },
    })),
  );
}

const journeyPlans: QueryPlan[] = [
  {
    ...base,
    kind: 'funnel',
    filters: eventFilters,
    steps: [
      { event: 'A', touchpoint: null, filters: eventFilters },
      { event: null, touchpoint: 'tp-help', filters: [] },
      { event: 'C', touchpoint: null, filters: [] },
    ],
    windowSeconds: 3600,
    breakdown: { kind: 'property', name: 'campaign' },
  },
  { ...base, kind: 'paths', filters: eventFilters, direction: 'from', step: 'A', depth: 5 },
  { ...base, kind: 'paths', filters: [], direction: 'to', step: 'A', depth: 10 },
  {
    ...base,
    kind: 'retention',
    filters: eventFilters,
    interval: 'month',
    startEvent: 'A',
    returnEvent: 'B',
    periods: 12,
  },
  { ...base, kind: 'channel_switch', filters: eventFilters, windowSeconds: 86400 },
  {
    ...base,
    kind: 'journey',
    filters: eventFilters,
    journey: { id: 'j', name: 'J' },
    stages: [
      { key: 'a', name: 'A', touchpointIds: ['tp-help'], events: [] },
      { key: 'b', name: 'B', touchpointIds: [], events: ['Order Completed', 'X'] },
      { key: 'c', name: 'C', touchpointIds: ['tp-checkout', 'tp-help'], events: ['Y'] },
    ],
  },
  {
    ...base,
    kind: 'key_moments',
    filters: surveyFilters,
    outcome: 'conversion',
    outcomeEvent: 'Order Completed',
    windowSeconds: 604800,
  },
  { ...base, kind: 'key_moments', filters: [], outcome: 'churn', outcomeEvent: 'x', windowSeconds: 60 },
];

describe('DuckDB analytics SQL shapes', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
    await store.migrate();
  });
  afterAll(() => store.close());

  for (const plan of [...metricPlans(), ...customMetricPlans(), ...journeyPlans]) {
    const label =
      plan.kind === 'metric'
        ? `${plan.metric}${plan.custom ? ` on ${plan.custom.source}` : ''} by ${plan.interval ?? 'total'}`
        : plan.kind === 'key_moments'
          ? `key_moments (${plan.outcome})`
          : plan.kind;
    it(`plans ${label}`, async () => {
      const explained = await store.analytics.explain(plan);
      // A real plan over our tables: a scan, or DuckDB proving from table statistics that an empty table
      // (text mentions in this empty store) yields nothing.
      expect(explained).toMatch(/SEQ_SCAN|INDEX_SCAN|TABLE_SCAN|EMPTY_RESULT/);
      // And runs on the empty store without error.
      await expect(store.analytics.run(plan)).resolves.toBeDefined();
    });
  }

  it('refuses a field the source lacks, naming it', async () => {
    const plan: QueryPlan = { ...metricPlans()[0], filters: eventFilters } as QueryPlan;
    await expect(store.analytics.run(plan)).rejects.toMatchObject({ code: 'CAIRN_VALIDATION_FAILED' });
  });
});
