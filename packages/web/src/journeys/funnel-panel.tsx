import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsQuery, useAnalyticsQuery } from '../api/analytics';
import { Chart, type ChartOption, escapeForTooltip } from '../components/chart';
import { ErrorAlert } from '../components/error-alert';
import type { Touchpoint } from '../touchpoints/touchpoints-api';
import { FunnelBuilder } from './funnel-builder';
import { formatDuration, formatNumber, formatPercent, stepLabel } from './journey-format';
import { funnelQuery, type JourneyViewState } from './journey-view-state';
import type { FunnelResult } from './journeys-api';

interface FunnelPanelProps {
  workspaceId: string;
  state: JourneyViewState;
  scope: Pick<AnalyticsQuery, 'timeRange' | 'filters'>;
  touchpoints: Touchpoint[];
  onChange: (patch: Partial<JourneyViewState>) => void;
}

type Group = FunnelResult['groups'][number];

/** Funnel builder plus the engine's answer: an ECharts funnel and, as its text alternative, a table per group. */
export function FunnelPanel({ workspaceId, state, scope, touchpoints, onChange }: FunnelPanelProps) {
  const { t } = useTranslation();
  const query = funnelQuery(state, scope);
  const result = useAnalyticsQuery<FunnelResult>(
    workspaceId,
    query ?? { kind: 'funnel', ...scope },
    query !== null,
  );
  const names = useMemo(() => new Map(touchpoints.map((tp) => [tp.id, tp.name])), [touchpoints]);
  const labels = state.steps.map((step) => stepLabel(step, names));

  return (
    <section className="panel" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('journeys.funnel.title')}</h2>
      <FunnelBuilder
        key={JSON.stringify([state.steps, state.windowSeconds, state.breakdown])}
        state={state}
        touchpoints={touchpoints}
        onApply={onChange}
      />
      {query === null ? <p className="empty">{t('journeys.funnel.needSteps')}</p> : null}
      <ErrorAlert error={result.error} />
      {query !== null && result.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {query !== null && result.data
        ? result.data.groups.map((group) => (
            <FunnelGroup
              key={group.key ?? ''}
              group={group}
              labels={labels}
              grouped={state.breakdown !== ''}
            />
          ))
        : null}
    </section>
  );
}

function FunnelGroup({ group, labels, grouped }: { group: Group; labels: string[]; grouped: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const heading = grouped
    ? t('journeys.funnel.group', { key: group.key ?? t('journeys.funnel.noValue') })
    : null;
  const first = group.steps[0]?.customers ?? 0;
  const last = group.steps.at(-1);

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (item: { name: string; value: number }) =>
          `${escapeForTooltip(item.name)}: ${formatNumber(item.value, language)}`,
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          minSize: '8%',
          label: { show: true, position: 'inside', formatter: '{c}' },
          data: group.steps.map((step, i) => ({
            name: labels[i] ?? String(step.step),
            value: step.customers,
          })),
        },
      ],
    }),
    [group, labels, language],
  );

  const summary = t('journeys.funnel.chartLabel', {
    first: formatNumber(first, language),
    last: formatNumber(last?.customers, language),
    rate: formatPercent(last?.conversionFromStart, language),
  });

  return (
    <div className="funnel-result">
      {heading ? <h3>{heading}</h3> : null}
      <Chart option={option} label={summary} height={260} />
      <div className="table-wrap">
        <table>
          <caption>{heading ?? t('journeys.funnel.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('journeys.funnel.step')}</th>
              <th scope="col">{t('journeys.funnel.customers')}</th>
              <th scope="col">{t('journeys.funnel.fromStart')}</th>
              <th scope="col">{t('journeys.funnel.fromPrevious')}</th>
              <th scope="col">{t('journeys.funnel.dropOff')}</th>
            </tr>
          </thead>
          <tbody>
            {group.steps.map((step, i) => (
              <tr key={step.step}>
                <th scope="row">
                  {step.step}. {labels[i]}
                </th>
                <td>{formatNumber(step.customers, language)}</td>
                <td>{formatPercent(step.conversionFromStart, language)}</td>
                <td>{formatPercent(step.conversionFromPrevious, language)}</td>
                <td>{formatNumber(step.dropOff, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('journeys.funnel.medianTime')}</dt>
          <dd>{formatDuration(group.timeToConvert.p50Seconds, language)}</dd>
        </div>
        <div>
          <dt>{t('journeys.funnel.p90Time')}</dt>
          <dd>{formatDuration(group.timeToConvert.p90Seconds, language)}</dd>
        </div>
      </dl>
    </div>
  );
}
