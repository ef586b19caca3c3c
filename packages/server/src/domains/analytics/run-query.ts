import { notFound } from '../../errors/catalogue.js';
import type { QueryPlan } from '../../store/analytics-port.js';
import type { Store } from '../../store/port.js';
import { canRunQueries, ensure } from '../access/permissions.js';
import type { DomainContext } from '../context.js';
import { planCustomMetric } from '../metrics/custom-metric-spec.js';
import { shapeAnswerDistribution } from './answer-distribution.js';
import { parseQuery } from './parse-query.js';
import { planQuery } from './plan-query.js';
import { customMetricPrefix, type Query } from './query-schema.js';
import { expandSegmentFilters, namesSegment } from './segment-filters.js';
import { shapeJourney, shapeKeyMoments } from './shape-journey-map.js';
import { shapeChannelSwitch, shapeFunnel, shapePaths, shapeRetention } from './shape-journeys.js';
import { shapeKpi, shapeTrend } from './shape-metric.js';

/** Runs a planned query and shapes the answer for its kind. Aggregates only: no profile ids leave this function. */
export async function executePlan(store: Pick<Store, 'analytics'>, query: Query, plan: QueryPlan) {
  switch (plan.kind) {
    case 'metric': {
      const rows = await store.analytics.run(plan);
      const shaped = query.kind === 'trend' ? shapeTrend(plan, rows) : shapeKpi(plan, rows);
      // Custom metrics answer under the name they were asked by (custom:<key>), not the internal custom_<aggregate>.
      return 'metric' in query ? { ...shaped, metric: query.metric } : shaped;
    }
    case 'funnel':
      return shapeFunnel(plan, await store.analytics.run(plan));
    case 'paths':
      return shapePaths(
        plan,
        await store.analytics.run(plan),
        query.kind === 'paths' ? (query.top ?? 10) : 10,
      );
    case 'retention':
      return shapeRetention(plan, await store.analytics.run(plan));
    case 'channel_switch':
      return shapeChannelSwitch(await store.analytics.run(plan));
    case 'journey':
      return shapeJourney(plan, await store.analytics.run(plan));
    case 'key_moments':
      return shapeKeyMoments(
        plan,
        await store.analytics.run(plan),
        query.kind === 'key_moments' ? (query.minSample ?? 30) : 30,
      );
    case 'answer_distribution':
      return shapeAnswerDistribution(plan, await store.analytics.run(plan));
  }
}

/** parse → plan (in the workspace time zone) → build SQL and run (store adapter) → shape. */
export async function runQuery(ctx: DomainContext, workspaceId: string, body: unknown) {
  ensure(canRunQueries(ctx.actor, workspaceId), 'run analytics queries');
  const workspace = await ctx.store.workspaces.get(workspaceId);
  if (!workspace) throw notFound('Workspace', workspaceId);
  const parsed = parseQuery(body);
  const segments = namesSegment(parsed.filters) ? await ctx.store.segments.list(workspaceId) : [];
  const query = { ...parsed, filters: expandSegmentFilters(parsed.filters, segments) } as Query;
  // The registry as it is now: events map to touchpoints by today's rules, over all history.
  const touchpoints = await ctx.store.analytics.touchpoints.list(workspaceId);
  const journey =
    query.kind === 'journey' ? await ctx.store.analytics.journeys.get(workspaceId, query.journeyId) : null;
  const customKey =
    (query.kind === 'kpi' || query.kind === 'trend') && query.metric.startsWith(customMetricPrefix)
      ? query.metric.slice(customMetricPrefix.length)
      : null;
  const stored = customKey ? await ctx.store.analytics.customMetrics.getByKey(workspaceId, customKey) : null;
  const plan = planQuery(query, {
    workspaceId,
    timeZone: workspace.timeZone,
    now: ctx.now(),
    touchpoints,
    journey,
    customMetric: stored ? planCustomMetric(stored) : null,
  });
  return executePlan(ctx.store, query, plan);
}
