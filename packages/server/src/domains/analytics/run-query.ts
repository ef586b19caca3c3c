import { notFound } from '../../errors/catalogue.js';
import type { QueryPlan } from '../../store/analytics-port.js';
import type { Store } from '../../store/port.js';
import { canRunQueries, ensure } from '../access/permissions.js';
import type { DomainContext } from '../context.js';
import { parseQuery } from './parse-query.js';
import { planQuery } from './plan-query.js';
import type { Query } from './query-schema.js';
import { shapeChannelSwitch, shapeFunnel, shapePaths, shapeRetention } from './shape-journeys.js';
import { shapeKpi, shapeTrend } from './shape-metric.js';

/** Runs a planned query and shapes the answer for its kind. Aggregates only: no profile ids leave this function. */
export async function executePlan(store: Pick<Store, 'analytics'>, query: Query, plan: QueryPlan) {
  switch (plan.kind) {
    case 'metric': {
      const rows = await store.analytics.run(plan);
      return query.kind === 'trend' ? shapeTrend(plan, rows) : shapeKpi(plan, rows);
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
  }
}

/** parse → plan (in the workspace time zone) → build SQL and run (store adapter) → shape. */
export async function runQuery(ctx: DomainContext, workspaceId: string, body: unknown) {
  ensure(canRunQueries(ctx.actor, workspaceId), 'run analytics queries');
  const workspace = await ctx.store.workspaces.get(workspaceId);
  if (!workspace) throw notFound('Workspace', workspaceId);
  const query = parseQuery(body);
  // The registry as it is now: events map to touchpoints by today's rules, over all history.
  const touchpoints = await ctx.store.analytics.touchpoints.list(workspaceId);
  const plan = planQuery(query, { workspaceId, timeZone: workspace.timeZone, now: ctx.now(), touchpoints });
  return executePlan(ctx.store, query, plan);
}
