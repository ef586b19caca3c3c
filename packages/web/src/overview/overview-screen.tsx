import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsQuery, runAnalyticsQuery, scopeOf } from '../api/analytics';
import { PageHeading } from '../components/page-heading';
import { parseGlobalFilters } from '../filters/global-filters';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { useSearch } from '../routing/router';
import { FirstEventGuide } from './first-event-guide';
import { hasTrend, kpiQuery, tileMetrics, totalOf, trendInterval, trendQuery } from './kpi-plan';
import { KpiTile } from './kpi-tile';
import { type KpiResult, type TrendResult, useKpi } from './overview-api';
import { TopMovers } from './top-movers';
import './overview.css';

// The engine accepts at most three years per query (plan-query.ts); "has this workspace ever had an event" asks that.
const everSpanMs = 3 * 365 * 86_400_000;

/**
 * The workspace's start page: the five headline KPIs for the filtered period with trend and change, then what moved
 * most. Every figure comes from the query engine. A workspace that has never received an event gets the
 * first-event guide instead of empty tiles.
 */
export function OverviewScreen({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const { workspace } = current;
  const search = useSearch();
  const filters = useMemo(() => parseGlobalFilters(search), [search]);
  const scope = scopeOf(filters, workspace.timeZone);
  const interval = trendInterval(filters);

  const kpis = useQueries({
    queries: tileMetrics.map((metric) => analytics<KpiResult>(workspace.id, kpiQuery(metric, scope))),
  });
  const trends = useQueries({
    queries: tileMetrics.map((metric) => ({
      ...analytics<TrendResult>(workspace.id, trendQuery(metric, scope, interval)),
      enabled: hasTrend(metric),
    })),
  });
  const tilesReady = kpis.every((kpi) => !kpi.isPending);
  const nothingInPeriod = tilesReady && kpis.every((kpi) => totalOf(kpi.data)?.current.n === 0);
  const never = useNeverHadEvents(workspace.id, nothingInPeriod);

  if (never === true) return <NoReportsYet current={current} />;
  return (
    <>
      <PageHeading>{workspace.name}</PageHeading>
      <section aria-labelledby="kpi-title">
        <h2 id="kpi-title">{t('overview.kpisTitle')}</h2>
        {nothingInPeriod ? <p className="empty">{t('overview.nothingInPeriod')}</p> : null}
        <div className="kpi-tiles">
          {tileMetrics.map((metric, i) => {
            const kpi = kpis[i];
            const trend = trends[i];
            return (
              <KpiTile
                key={metric}
                metric={metric}
                kpi={{ data: totalOf(kpi?.data), isPending: kpi?.isPending ?? true, error: kpi?.error }}
                trend={{ data: trend?.data, error: trend?.error }}
              />
            );
          })}
        </div>
      </section>
      {nothingInPeriod ? null : <TopMovers current={current} filters={filters} enabled={tilesReady} />}
    </>
  );
}

/** One engine query for useQueries, under the key useAnalyticsQuery uses, so equal queries share a request. */
function analytics<Result>(workspaceId: string, query: AnalyticsQuery) {
  return {
    queryKey: ['workspaces', workspaceId, 'query', query],
    queryFn: () => runAnalyticsQuery<Result>(workspaceId, query),
  };
}

/** Asked only when the period is empty: true when no event arrived in the last three years (effectively: never). */
function useNeverHadEvents(workspaceId: string, ask: boolean): boolean | undefined {
  // Fixed once per visit: a range that moved with every render would be a new query each time.
  const [range] = useState(() => {
    const now = Date.now();
    return { from: new Date(now - everSpanMs).toISOString(), to: new Date(now + 60_000).toISOString() };
  });
  const ever = useKpi(
    workspaceId,
    { kind: 'kpi', metric: 'conversion_rate', timeRange: range, compare: false },
    ask,
  );
  if (!ask || !ever.data) return undefined;
  return totalOf(ever.data)?.current.n === 0;
}

function NoReportsYet({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{current.workspace.name}</PageHeading>
      <section className="panel" aria-labelledby="not-yet">
        <h2 id="not-yet">{t('overview.notYetTitle')}</h2>
        <p>{t('overview.notYetIntro')}</p>
      </section>
      <section className="panel" aria-labelledby="first-event">
        <h2 id="first-event">{t('overview.guideTitle')}</h2>
        <FirstEventGuide current={current} />
      </section>
    </>
  );
}
