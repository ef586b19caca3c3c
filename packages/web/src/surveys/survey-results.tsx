import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsQuery, scopeOf, useAnalyticsQuery } from '../api/analytics';
import { Chart, type ChartOption } from '../components/chart';
import { ErrorAlert } from '../components/error-alert';
import { parseGlobalFilters } from '../filters/global-filters';
import { useSearch } from '../routing/router';
import {
  type AnswerDistributionResult,
  type QuestionBars,
  questionBars,
  surveyMetrics,
} from './results-format';
import type { SurveyDefinition } from './survey-types';

interface MetricValue {
  value: number | null;
  n: number;
  ci: { low: number; high: number } | null;
}
interface KpiResult {
  groups: { current: MetricValue; previous: MetricValue | null; change: number | null }[];
}
interface TrendResult {
  series: { points: (MetricValue & { bucket: string })[] }[];
}

type Metric = 'nps' | 'csat' | 'ces';
const format = (metric: Metric, value: number | null | undefined, language: string) =>
  value === null || value === undefined
    ? '–'
    : `${new Intl.NumberFormat(language, { maximumFractionDigits: metric === 'ces' ? 2 : 1 }).format(value)}${metric === 'csat' ? ' %' : ''}`;

function MetricResult({
  workspaceId,
  metric,
  scope,
}: {
  workspaceId: string;
  metric: Metric;
  scope: Pick<AnalyticsQuery, 'timeRange' | 'filters'>;
}) {
  const { t, i18n } = useTranslation();
  const kpi = useAnalyticsQuery<KpiResult>(workspaceId, { kind: 'kpi', metric, ...scope });
  const trend = useAnalyticsQuery<TrendResult>(workspaceId, {
    kind: 'trend',
    metric,
    interval: 'week',
    ...scope,
  });
  const group = kpi.data?.groups[0];
  const points = trend.data?.series[0]?.points ?? [];
  const name = t(`surveys.metrics.${metric}`);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: points.map((p) => p.bucket.slice(0, 10)) },
      yAxis: { type: 'value' },
      series: [{ type: 'line', name, data: points.map((p) => p.value) }],
      tooltip: { trigger: 'axis' },
    }),
    [points, name],
  );
  return (
    <div className="metric-result">
      <h3>{name}</h3>
      <ErrorAlert error={kpi.error ?? trend.error} />
      <dl className="facts">
        <div>
          <dt>{name}</dt>
          <dd>{format(metric, group?.current.value, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('surveys.results.interval')}</dt>
          <dd>
            {group?.current.ci
              ? `${format(metric, group.current.ci.low, i18n.language)} – ${format(metric, group.current.ci.high, i18n.language)}`
              : '–'}
          </dd>
        </div>
        <div>
          <dt>{t('surveys.results.answers')}</dt>
          <dd>{group?.current.n ?? 0}</dd>
        </div>
        <div>
          <dt>{t('surveys.results.previous')}</dt>
          <dd>{format(metric, group?.previous?.value, i18n.language)}</dd>
        </div>
      </dl>
      {points.length ? (
        <Chart
          option={option}
          height={200}
          label={t('surveys.results.trendLabel', {
            metric: name,
            points: points
              .map((p) => `${p.bucket.slice(0, 10)}: ${format(metric, p.value, i18n.language)}`)
              .join(', '),
          })}
        />
      ) : null}
    </div>
  );
}

function QuestionResult({ bars }: { bars: QuestionBars }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const heading = `${t('surveys.builder.questionNumber', { number: bars.number })}: ${bars.title}`;
  // Category labels are drawn on canvas (not HTML); there is no tooltip formatter, so no markup is ever built.
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 120, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: bars.options.map((o) => o.label) },
      series: [{ type: 'bar', data: bars.options.map((o) => o.answers) }],
    }),
    [bars],
  );
  return (
    <div className="question-result">
      <h3>{heading}</h3>
      <p className="field-hint">{t('surveys.results.answered', { count: bars.answered })}</p>
      <Chart
        option={option}
        height={Math.max(120, 28 * bars.options.length + 40)}
        label={t('surveys.results.barsLabel', {
          question: bars.title,
          options: bars.options.map((o) => `${o.label}: ${o.answers}`).join(', '),
        })}
      />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.results.option')}</th>
              <th scope="col">{t('surveys.results.answers')}</th>
              <th scope="col">{t('surveys.results.share')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.options.map((option) => (
              <tr key={option.value}>
                <th scope="row">{option.label}</th>
                <td>{option.answers}</td>
                <td>{percent.format(option.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Results per question from the one query engine, within the global filters (date range, channel, touchpoint). */
export function SurveyResults({
  workspaceId,
  timeZone,
  surveyId,
  definition,
}: {
  workspaceId: string;
  timeZone: string;
  surveyId: string;
  definition: SurveyDefinition;
}) {
  const { t, i18n } = useTranslation();
  const search = useSearch();
  // The global filters as they are; the score metrics add `survey` as a filter, answer_distribution names it.
  const globalScope = useMemo(() => scopeOf(parseGlobalFilters(search), timeZone), [search, timeZone]);
  const scope = useMemo(
    () => ({
      ...globalScope,
      filters: [...(globalScope.filters ?? []), { field: 'survey', op: 'eq', value: surveyId }],
    }),
    [globalScope, surveyId],
  );
  const distribution = useAnalyticsQuery<AnswerDistributionResult>(workspaceId, {
    kind: 'answer_distribution',
    ...globalScope,
    surveyId,
  });
  const bars = questionBars(definition, distribution.data, i18n.language, {
    yes: t('surveys.results.yes'),
    no: t('surveys.results.no'),
  });
  return (
    <section className="panel" aria-labelledby="survey-results">
      <h2 id="survey-results">{t('surveys.results.title')}</h2>
      <p className="field-hint">{t('surveys.results.scope')}</p>
      <div className="metric-results">
        {surveyMetrics(definition).map((metric) => (
          <MetricResult key={metric} workspaceId={workspaceId} metric={metric} scope={scope} />
        ))}
      </div>
      <ErrorAlert error={distribution.error} />
      {distribution.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {bars.map((question) => (
        <QuestionResult key={question.question.id} bars={question} />
      ))}
    </section>
  );
}
