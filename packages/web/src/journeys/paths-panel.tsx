import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsQuery, useAnalyticsQuery } from '../api/analytics';
import { Chart, type ChartOption, escapeForTooltip } from '../components/chart';
import { ErrorAlert } from '../components/error-alert';
import { SelectField, TextField } from '../components/field';
import { formatNumber, formatPercent, nodeName } from './journey-format';
import { type JourneyViewState, pathsQuery } from './journey-view-state';
import type { PathsResult } from './journeys-api';

interface PathsPanelProps {
  workspaceId: string;
  state: JourneyViewState;
  scope: Pick<AnalyticsQuery, 'timeRange' | 'filters'>;
  onChange: (patch: Partial<JourneyViewState>) => void;
}

const depths = [2, 3, 4, 5, 6, 7, 8, 9, 10];

/** What customers did after (or before) a step: a Sankey of the engine's paths, with the top paths as a table. */
export function PathsPanel({ workspaceId, state, scope, onChange }: PathsPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const query = pathsQuery(state, scope);
  const result = useAnalyticsQuery<PathsResult>(
    workspaceId,
    query ?? { kind: 'paths', ...scope },
    query !== null,
  );
  const [step, setStep] = useState(state.pathStep);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ pathStep: step.trim() });
  };

  const option = useMemo<ChartOption | null>(() => {
    const data = result.data;
    if (!data || data.sankey.links.length === 0) return null;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (item: {
          dataType: string;
          data: { source?: string; target?: string; value?: number };
          name: string;
        }) =>
          item.dataType === 'edge'
            ? `${escapeForTooltip(nodeName(item.data.source ?? ''))} → ${escapeForTooltip(
                nodeName(item.data.target ?? ''),
              )}: ${formatNumber(item.data.value, language)}`
            : escapeForTooltip(nodeName(item.name)),
      },
      series: [
        {
          type: 'sankey',
          // Drawn at once: a half-grown diagram in a screenshot (or for a reader) shows nothing true.
          animation: false,
          emphasis: { focus: 'adjacency' },
          nodeAlign: state.pathDirection === 'to' ? 'right' : 'left',
          // Node names carry their column ("2:Checkout") so a page seen twice is two nodes, not a cycle.
          data: data.sankey.nodes.map((node) => ({ name: node.id })),
          links: data.sankey.links,
          label: { formatter: (item: { name: string }) => nodeName(item.name) },
          lineStyle: { color: 'gradient', curveness: 0.5 },
        },
      ],
    };
  }, [result.data, language, state.pathDirection]);

  return (
    <section className="panel" aria-labelledby="paths-title">
      <h2 id="paths-title">{t('journeys.paths.title')}</h2>
      <form className="form form-inline" onSubmit={submit}>
        <SelectField
          label={t('journeys.paths.direction')}
          value={state.pathDirection}
          onChange={(event) => onChange({ pathDirection: event.target.value === 'to' ? 'to' : 'from' })}
        >
          <option value="from">{t('journeys.paths.from')}</option>
          <option value="to">{t('journeys.paths.to')}</option>
        </SelectField>
        <TextField
          label={t('journeys.paths.step')}
          value={step}
          maxLength={200}
          onChange={(event) => setStep(event.target.value)}
        />
        <SelectField
          label={t('journeys.paths.depth')}
          value={state.pathDepth}
          onChange={(event) => onChange({ pathDepth: Number(event.target.value) })}
        >
          {depths.map((depth) => (
            <option key={depth} value={depth}>
              {depth}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-primary" disabled={step.trim() === ''}>
          {t('journeys.paths.show')}
        </button>
      </form>
      {query === null ? <p className="empty">{t('journeys.paths.needStep')}</p> : null}
      <ErrorAlert error={result.error} />
      {query !== null && result.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {query !== null && result.data ? (
        result.data.paths.length === 0 ? (
          <p className="empty">{t('journeys.paths.none')}</p>
        ) : (
          <>
            {option ? (
              <Chart
                option={option}
                height={360}
                label={t('journeys.paths.chartLabel', {
                  step: state.pathStep,
                  customers: formatNumber(result.data.customers, language),
                })}
              />
            ) : null}
            <PathTable result={result.data} />
          </>
        )
      ) : null}
    </section>
  );
}

function PathTable({ result }: { result: PathsResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('journeys.paths.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('journeys.paths.path')}</th>
            <th scope="col">{t('journeys.funnel.customers')}</th>
            <th scope="col">{t('journeys.paths.share')}</th>
          </tr>
        </thead>
        <tbody>
          {result.paths.map((path) => (
            <tr key={path.path.join('\u0000')}>
              <th scope="row">{path.path.join(' → ')}</th>
              <td>{formatNumber(path.customers, language)}</td>
              <td>{formatPercent(path.share, language)}</td>
            </tr>
          ))}
          {result.other.customers > 0 ? (
            <tr>
              <th scope="row">{t('journeys.paths.other')}</th>
              <td>{formatNumber(result.other.customers, language)}</td>
              <td>{formatPercent(result.other.share, language)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
