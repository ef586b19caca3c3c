import { canRunQueries, ensure } from '../access/permissions.js';
import { resolveTimeRange } from '../analytics/plan-query.js';
import { npsWithInterval } from '../analytics/statistics.js';
import type { DomainContext } from '../context.js';

/**
 * Which touchpoints exist but are not instrumented (no events) or not measured (no survey answers given at them),
 * with their event volume, last event and experience KPIs over the window.
 */
export async function touchpointCoverage(
  ctx: DomainContext,
  workspaceId: string,
  last: '7d' | '30d' | '90d' | '12m',
) {
  ensure(canRunQueries(ctx.actor, workspaceId), 'see touchpoint coverage');
  const range = resolveTimeRange({ last }, ctx.now());
  const touchpoints = await ctx.store.analytics.touchpoints.list(workspaceId);
  const rows = await ctx.store.analytics.coverage(workspaceId, touchpoints, range);
  const byId = new Map(rows.map((r) => [r.touchpointId, r]));
  return {
    range,
    items: touchpoints.map((t) => {
      const r = byId.get(t.id);
      const nps = r
        ? npsWithInterval({ n: r.nps.n, promoters: r.nps.promoters, detractors: r.nps.detractors })
        : null;
      return {
        id: t.id,
        name: t.name,
        channel: t.channel,
        stage: t.stage,
        ownerTeam: t.ownerTeam,
        events: r?.events ?? 0,
        lastSeen: r?.lastSeen ?? null,
        instrumented: (r?.events ?? 0) > 0,
        measured: (r?.responses ?? 0) > 0,
        responses: r?.responses ?? 0,
        kpis: {
          nps: nps?.value ?? null,
          npsAnswers: r?.nps.n ?? 0,
          csat: r && r.csat.n > 0 ? (100 * r.csat.satisfied) / r.csat.n : null,
          ces: r && r.ces.n > 0 ? r.ces.sum / r.ces.n : null,
        },
      };
    }),
  };
}
