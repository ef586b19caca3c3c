import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { canReadResponses } from '../access/permissions';
import { runAnalyticsQuery, scopeOf } from '../api/analytics';
import { channels, type GlobalFilters, serialiseGlobalFilters } from '../filters/global-filters';
import { useTouchpointOptions } from '../filters/touchpoint-options';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { Link } from '../routing/router';
import type { WorkspaceRoute } from '../routing/routes';
import { changeTone, formatChange, formatKpi } from './kpi-format';
import { kpiQuery, type Mover, moverBreakdowns, moverMetrics, topMovers } from './kpi-plan';
import type { KpiResult } from './overview-api';

const pairs = moverMetrics.flatMap((metric) => moverBreakdowns.map((breakdown) => ({ metric, breakdown })));

/**
 * "What changed most this period": NPS, CSAT and conversion per touchpoint, channel and journey stage, each vs
 * the previous period (kpi queries with breakdown + compare), ranked by kpi-plan.ts#topMovers. `enabled` lets
 * the overview hold these nine queries back until its tiles have their numbers, so they do not compete for the
 * database with what people look at first.
 */
export function TopMovers({
  current,
  filters,
  enabled,
}: {
  current: CurrentWorkspace;
  filters: GlobalFilters;
  enabled: boolean;
}) {
  const { t } = useTranslation();
  const { workspace } = current;
  const scope = scopeOf(filters, workspace.timeZone);
  const queries = useQueries({
    queries: pairs.map(({ metric, breakdown }) => {
      const query = kpiQuery(metric, scope, breakdown);
      // The same key useAnalyticsQuery uses, so an equal query elsewhere shares the request.
      return {
        queryKey: ['workspaces', workspace.id, 'query', query],
        queryFn: () => runAnalyticsQuery<KpiResult>(workspace.id, query),
        enabled,
      };
    }),
  });
  const answers = pairs.map((pair, i) => ({ ...pair, query: queries[i] as (typeof queries)[number] }));
  const pending = !enabled || answers.some((a) => a.query.isPending);
  const failed = answers.find((a) => a.query.error)?.query.error;
  const movers = topMovers(
    answers.map((a) => ({ metric: a.metric, breakdown: a.breakdown, result: a.query.data })),
  );

  return (
    <section className="panel" aria-labelledby="movers-title" aria-busy={pending}>
      <h2 id="movers-title">{t('overview.movers.title')}</h2>
      <p className="lead">{t('overview.movers.intro')}</p>
      {pending ? <p role="status">{t('common.loading')}</p> : null}
      {!pending && failed ? <p role="status">{t('overview.movers.failed')}</p> : null}
      {!pending && !failed && movers.length === 0 ? (
        <p className="empty">{t('overview.movers.none')}</p>
      ) : null}
      {!pending && movers.length > 0 ? (
        <ol className="movers">
          {movers.map((mover) => (
            <MoverItem
              key={`${mover.metric}/${mover.breakdown}/${mover.key}`}
              mover={mover}
              current={current}
              filters={filters}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function MoverItem({
  mover,
  current,
  filters,
}: {
  mover: Mover;
  current: CurrentWorkspace;
  filters: GlobalFilters;
}) {
  const { t, i18n } = useTranslation();
  const touchpoints = useTouchpointOptions(current.workspace.id);
  const knownChannel = channels.find((channel) => channel === mover.key);
  const channelLabel = (key: string) => (knownChannel ? t(`common.channels.${knownChannel}`) : key);
  const { group, metric, breakdown, key } = mover;
  const name =
    breakdown === 'touchpoint'
      ? (touchpoints.data?.items.find((tp) => tp.id === key)?.name ?? key)
      : breakdown === 'channel'
        ? channelLabel(key)
        : key;
  const target = linkTarget(mover, current, filters);
  const change = group.change ?? 0;
  return (
    <li className={`mover kpi-change-${changeTone(metric, change)}`}>
      <Link to={target.route} search={target.search}>
        {t(`overview.movers.by.${breakdown}`, { name })}
      </Link>
      <span>
        {t(`overview.kpi.${metric}.title`)}: {formatKpi(metric, group.previous?.value ?? null, i18n.language)}{' '}
        → {formatKpi(metric, group.current.value, i18n.language)} (
        <strong>
          {formatChange(metric, change, i18n.language)} {t('overview.points')}
        </strong>
        ){' · '}
        {group.significance?.significant
          ? t('overview.movers.significant')
          : t('overview.movers.notSignificant')}
      </span>
    </li>
  );
}

/**
 * Where to look closer: a touchpoint opens the touchpoint screen filtered to it; a channel opens the responses
 * (for a survey KPI, when the role may read them) or the journeys, filtered to it; a stage opens the journeys.
 */
function linkTarget(mover: Mover, current: CurrentWorkspace, filters: GlobalFilters) {
  const workspaceId = current.workspace.id;
  const at = (name: 'touchpoints' | 'journeys' | 'responses'): WorkspaceRoute => ({ name, workspaceId });
  if (mover.breakdown === 'touchpoint')
    return {
      route: at('touchpoints'),
      search: serialiseGlobalFilters({ ...filters, touchpoint: mover.key }),
    };
  if (mover.breakdown === 'channel') {
    const answers = mover.metric !== 'conversion_rate' && canReadResponses(current.role);
    return {
      route: at(answers ? 'responses' : 'journeys'),
      search: serialiseGlobalFilters({ ...filters, channel: mover.key }),
    };
  }
  return { route: at('journeys'), search: serialiseGlobalFilters(filters) };
}
