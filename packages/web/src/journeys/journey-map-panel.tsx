import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsQuery, useAnalyticsQuery } from '../api/analytics';
import { Chart, type ChartOption, escapeForTooltip } from '../components/chart';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorAlert } from '../components/error-alert';
import { SelectField } from '../components/field';
import type { Touchpoint } from '../touchpoints/touchpoints-api';
import { JourneyEditor } from './journey-editor';
import { formatNumber, formatPercent } from './journey-format';
import type { JourneyViewState } from './journey-view-state';
import { type JourneyResult, type MetricFigure, useDeleteJourney, useJourneys } from './journeys-api';

interface JourneyMapPanelProps {
  workspaceId: string;
  state: JourneyViewState;
  scope: Pick<AnalyticsQuery, 'timeRange' | 'filters'>;
  touchpoints: Touchpoint[];
  canManage: boolean;
  onChange: (patch: Partial<JourneyViewState>) => void;
}

/** A stored journey's stages in order, with reach, conversion and experience per stage from the `journey` query. */
export function JourneyMapPanel({
  workspaceId,
  state,
  scope,
  touchpoints,
  canManage,
  onChange,
}: JourneyMapPanelProps) {
  const { t } = useTranslation();
  const journeys = useJourneys(workspaceId);
  const remove = useDeleteJourney(workspaceId);
  const [creating, setCreating] = useState(false);
  const list = journeys.data ?? [];
  const chosen = list.find((journey) => journey.id === state.journeyId) ?? list[0];

  return (
    <section className="panel" aria-labelledby="map-title">
      <h2 id="map-title">{t('journeys.map.title')}</h2>
      <ErrorAlert error={journeys.error ?? remove.error} />
      {journeys.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {journeys.data && list.length === 0 ? <p className="empty">{t('journeys.map.none')}</p> : null}
      <div className="journeys-toolbar">
        {list.length > 0 ? (
          <SelectField
            label={t('journeys.map.journey')}
            value={chosen?.id ?? ''}
            onChange={(event) => onChange({ journeyId: event.target.value })}
          >
            {list.map((journey) => (
              <option key={journey.id} value={journey.id}>
                {journey.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {canManage && !creating ? (
          <button type="button" className="button button-secondary" onClick={() => setCreating(true)}>
            {t('journeys.map.create')}
          </button>
        ) : null}
        {canManage && chosen ? (
          <ConfirmButton
            label={t('journeys.map.delete')}
            accessibleLabel={t('journeys.map.deleteNamed', { name: chosen.name })}
            question={t('journeys.map.deleteQuestion', { name: chosen.name })}
            onConfirm={() => remove.mutate(chosen.id, { onSuccess: () => onChange({ journeyId: '' }) })}
            pending={remove.isPending}
          />
        ) : null}
      </div>
      {creating ? (
        <JourneyEditor
          workspaceId={workspaceId}
          touchpoints={touchpoints}
          onDone={(created) => {
            setCreating(false);
            if (created) onChange({ journeyId: created });
          }}
        />
      ) : null}
      {chosen ? <JourneyStages workspaceId={workspaceId} journeyId={chosen.id} scope={scope} /> : null}
    </section>
  );
}

function JourneyStages({
  workspaceId,
  journeyId,
  scope,
}: {
  workspaceId: string;
  journeyId: string;
  scope: Pick<AnalyticsQuery, 'timeRange' | 'filters'>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const result = useAnalyticsQuery<JourneyResult>(workspaceId, { kind: 'journey', ...scope, journeyId });
  const stages = result.data?.stages ?? [];

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 40 },
      tooltip: {
        trigger: 'item',
        formatter: (item: { name: string; value: number }) =>
          `${escapeForTooltip(item.name)}: ${formatNumber(item.value, language)}`,
      },
      xAxis: { type: 'category', data: stages.map((stage) => stage.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: stages.map((stage) => stage.customers), barMaxWidth: 48 }],
    }),
    [stages, language],
  );

  const figure = (metric: MetricFigure, digits: number, unit = '') =>
    metric.value === null
      ? '–'
      : `${formatNumber(metric.value, language, digits)}${unit}${
          metric.ci
            ? ` (${formatNumber(metric.ci.low, language, digits)} … ${formatNumber(metric.ci.high, language, digits)})`
            : ''
        }`;

  return (
    <>
      <ErrorAlert error={result.error} />
      {result.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {stages.length > 0 ? (
        <>
          <Chart
            option={option}
            height={240}
            label={t('journeys.map.chartLabel', {
              stages: stages
                .map((stage) => `${stage.name} ${formatNumber(stage.customers, language)}`)
                .join(', '),
            })}
          />
          <ol className="journey-stages">
            {stages.map((stage) => (
              <li key={stage.key} className="journey-stage">
                <h3>{stage.name}</h3>
                <dl className="facts">
                  <div>
                    <dt>{t('journeys.funnel.customers')}</dt>
                    <dd>{formatNumber(stage.customers, language)}</dd>
                  </div>
                  <div>
                    <dt>{t('journeys.map.shareOfFirst')}</dt>
                    <dd>{formatPercent(stage.shareOfFirst, language)}</dd>
                  </div>
                  <div>
                    <dt>{t('journeys.map.fromPrevious')}</dt>
                    <dd>{formatPercent(stage.conversionFromPrevious, language)}</dd>
                  </div>
                  <div>
                    <dt>{t('journeys.map.nps')}</dt>
                    <dd>{figure(stage.experience.nps, 0)}</dd>
                  </div>
                  <div>
                    <dt>{t('journeys.map.csat')}</dt>
                    <dd>{figure(stage.experience.csat, 0, ' %')}</dd>
                  </div>
                  <div>
                    <dt>{t('journeys.map.ces')}</dt>
                    <dd>{figure(stage.experience.ces, 1)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}
