import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsQuery, useAnalyticsQuery } from '../api/analytics';
import { ErrorAlert } from '../components/error-alert';
import { SelectField } from '../components/field';
import type { Touchpoint } from '../touchpoints/touchpoints-api';
import { formatNumber, formatPercent } from './journey-format';
import type { JourneyViewState } from './journey-view-state';
import type { KeyMomentsResult } from './journeys-api';

interface KeyMomentsPanelProps {
  workspaceId: string;
  state: JourneyViewState;
  scope: Pick<AnalyticsQuery, 'timeRange' | 'filters'>;
  touchpoints: Touchpoint[];
  onChange: (patch: Partial<JourneyViewState>) => void;
}

/** Outcome window for key moments: what happens within 30 days after the experience. */
const outcomeWindowSeconds = 30 * 86_400;

/**
 * Touchpoints where a poor experience changes what customers do next, as the engine ranks them (by harm: lower
 * conversion or higher churn after a poor experience, in percentage points, with Newcombe's 95 % interval).
 */
export function KeyMomentsPanel({ workspaceId, state, scope, touchpoints, onChange }: KeyMomentsPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useMemo(() => new Map(touchpoints.map((tp) => [tp.id, tp.name])), [touchpoints]);
  const result = useAnalyticsQuery<KeyMomentsResult>(workspaceId, {
    kind: 'key_moments',
    ...scope,
    outcome: state.outcome,
    windowSeconds: outcomeWindowSeconds,
  });
  const points = (value: number | null) =>
    value === null
      ? '–'
      : t('journeys.moments.points', { value: `${value > 0 ? '+' : ''}${formatNumber(value, language, 1)}` });

  return (
    <section className="panel" aria-labelledby="moments-title">
      <h2 id="moments-title">{t('journeys.moments.title')}</h2>
      <p className="lead">{t('journeys.moments.intro')}</p>
      <SelectField
        label={t('journeys.moments.outcome')}
        value={state.outcome}
        onChange={(event) => onChange({ outcome: event.target.value === 'churn' ? 'churn' : 'conversion' })}
      >
        <option value="conversion">{t('journeys.moments.conversion')}</option>
        <option value="churn">{t('journeys.moments.churn')}</option>
      </SelectField>
      <ErrorAlert error={result.error} />
      {result.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {result.data && result.data.touchpoints.length === 0 ? (
        <p className="empty">{t('journeys.moments.none')}</p>
      ) : null}
      {result.data && result.data.touchpoints.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('journeys.moments.tableCaption', { minSample: result.data.minSample })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('journeys.moments.touchpoint')}</th>
                <th scope="col">{t('journeys.moments.stage')}</th>
                <th scope="col">{t('journeys.moments.poor')}</th>
                <th scope="col">{t('journeys.moments.other')}</th>
                <th scope="col">{t('journeys.moments.difference')}</th>
                <th scope="col">{t('journeys.moments.ci')}</th>
                <th scope="col">{t('journeys.moments.significant')}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.touchpoints.map((row) => (
                <tr key={row.touchpointId}>
                  <th scope="row">{names.get(row.touchpointId) ?? row.touchpointId}</th>
                  <td>{row.stage ?? '–'}</td>
                  <td>
                    {formatPercent(row.poor.outcomeRate, language)}{' '}
                    <span className="muted">(n = {formatNumber(row.poor.customers, language)})</span>
                  </td>
                  <td>
                    {formatPercent(row.other.outcomeRate, language)}{' '}
                    <span className="muted">(n = {formatNumber(row.other.customers, language)})</span>
                  </td>
                  <td>{points(row.differencePoints)}</td>
                  <td>{row.ci ? `${points(row.ci.low)} … ${points(row.ci.high)}` : '–'}</td>
                  <td>
                    {row.significant ? (
                      <strong className="flag flag-significant">{t('journeys.moments.yes')}</strong>
                    ) : (
                      t('journeys.moments.no')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
