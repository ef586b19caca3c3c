import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../components/chart';
import { ErrorAlert } from '../components/error-alert';
import { changeTone, formatChange, formatKpi, formatP } from './kpi-format';
import { hasTrend, surveyMetrics, type TileMetric } from './kpi-plan';
import type { KpiGroup, TrendResult } from './overview-api';

interface KpiTileProps {
  metric: TileMetric;
  kpi: { data: KpiGroup | undefined; isPending: boolean; error: unknown };
  trend: { data: TrendResult | undefined; error: unknown };
}

/**
 * One KPI as the engine returns it: value, 95% interval, sample size, change vs the previous period with the
 * engine's significance verdict, and a small trend line. aria-busy stays true until the value has arrived (the
 * overview benchmark waits for exactly that).
 */
export function KpiTile({ metric, kpi, trend }: KpiTileProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const titleId = `kpi-${metric}`;
  const group = kpi.data;
  const empty = group !== undefined && group.current.n === 0;

  return (
    <article className="kpi-tile" aria-labelledby={titleId} aria-busy={kpi.isPending}>
      <h3 id={titleId}>{t(`overview.kpi.${metric}.title`)}</h3>
      {kpi.error ? <ErrorAlert error={kpi.error} /> : null}
      {kpi.isPending ? <p className="kpi-value kpi-loading">{t('common.loading')}</p> : null}
      {group && !empty ? (
        <>
          <p className="kpi-value">{formatKpi(metric, group.current.value, language)}</p>
          {group.current.ci ? (
            <p className="kpi-detail">
              {t('overview.ci', {
                low: formatKpi(metric, group.current.ci.low, language),
                high: formatKpi(metric, group.current.ci.high, language),
              })}
            </p>
          ) : null}
          <p className="kpi-detail">
            {t(surveyMetrics.has(metric) ? 'overview.answers' : 'overview.customers', {
              count: group.current.n,
            })}
          </p>
          <ChangeLine metric={metric} group={group} />
        </>
      ) : null}
      {empty ? (
        <p className="kpi-empty">
          {metric === 'conversion_rate' || metric === 'churn_rate'
            ? t(`overview.kpi.${metric}.empty`)
            : t('overview.noAnswers')}
        </p>
      ) : null}
      {group && !empty && hasTrend(metric) ? <TrendLine metric={metric} trend={trend} /> : null}
    </article>
  );
}

function ChangeLine({ metric, group }: { metric: TileMetric; group: KpiGroup }) {
  const { t, i18n } = useTranslation();
  if (metric === 'churn_rate') return <p className="kpi-change">{t('overview.churnNoChange')}</p>;
  if (group.change === null) return <p className="kpi-change">{t('overview.noPrevious')}</p>;
  const unit = metric === 'ces' ? '' : ` ${t('overview.points')}`;
  const verdict = group.significance
    ? group.significance.significant
      ? t('overview.significant', { p: formatP(group.significance.pValue, i18n.language) })
      : t('overview.notSignificant', { p: formatP(group.significance.pValue, i18n.language) })
    : t('overview.noTest');
  return (
    <p className={`kpi-change kpi-change-${changeTone(metric, group.change)}`}>
      <strong>{`${formatChange(metric, group.change, i18n.language)}${unit}`}</strong>{' '}
      {t('overview.vsPrevious')} · {verdict}
    </p>
  );
}

function TrendLine({ metric, trend }: { metric: TileMetric; trend: KpiTileProps['trend'] }) {
  const { t, i18n } = useTranslation();
  const points = trend.data?.series[0]?.points ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: points.map((p) => p.bucket) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [{ type: 'line', data: points.map((p) => p.value), symbol: 'none', lineStyle: { width: 2 } }],
      animation: false,
    }),
    [points],
  );
  if (trend.error) return <p className="kpi-detail">{t('overview.trendFailed')}</p>;
  if (!trend.data) return <div className="kpi-trend-placeholder" aria-hidden="true" />;
  if (points.length < 2) return <p className="kpi-detail">{t('overview.trendTooShort')}</p>;
  const first = points[0];
  const last = points[points.length - 1];
  const label = t('overview.trendLabel', {
    kpi: t(`overview.kpi.${metric}.title`),
    interval: t(`overview.interval.${trend.data.interval}`),
    count: points.length,
    first: formatKpi(metric, first?.value ?? null, i18n.language),
    last: formatKpi(metric, last?.value ?? null, i18n.language),
  });
  return <Chart option={option} label={label} height={56} className="kpi-trend" />;
}
