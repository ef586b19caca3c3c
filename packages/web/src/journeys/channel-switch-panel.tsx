import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsQuery, useAnalyticsQuery } from '../api/analytics';
import { Chart, type ChartOption, escapeForTooltip } from '../components/chart';
import { ErrorAlert } from '../components/error-alert';
import { SelectField } from '../components/field';
import { channelLabel } from '../touchpoints/channel-label';
import { formatDuration, formatNumber, nodeName } from './journey-format';
import { funnelWindows, type JourneyViewState } from './journey-view-state';
import type { ChannelSwitchResult } from './journeys-api';

interface ChannelSwitchPanelProps {
  workspaceId: string;
  state: JourneyViewState;
  scope: Pick<AnalyticsQuery, 'timeRange' | 'filters'>;
  onChange: (patch: Partial<JourneyViewState>) => void;
}

/**
 * Where customers move between channels: the engine counts consecutive events of one customer on different
 * channels within the window (from → to). Drawn as a two-column Sankey, listed as a table.
 */
export function ChannelSwitchPanel({ workspaceId, state, scope, onChange }: ChannelSwitchPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const result = useAnalyticsQuery<ChannelSwitchResult>(workspaceId, {
    kind: 'channel_switch',
    ...scope,
    windowSeconds: state.windowSeconds,
  });
  const switches = useMemo(
    () => [...(result.data?.switches ?? [])].sort((a, b) => b.customers - a.customers),
    [result.data],
  );

  const option = useMemo<ChartOption | null>(() => {
    if (switches.length === 0) return null;
    // "from:" and "to:" keep web → app and app → web from forming a cycle, which a Sankey cannot draw.
    const names = new Set(switches.flatMap((s) => [`from:${s.from}`, `to:${s.to}`]));
    const label = (id: string) => channelLabel(t, nodeName(id));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (item: {
          dataType: string;
          data: { source?: string; target?: string; value?: number };
          name: string;
        }) =>
          item.dataType === 'edge'
            ? `${escapeForTooltip(label(item.data.source ?? ''))} → ${escapeForTooltip(label(item.data.target ?? ''))}: ${formatNumber(item.data.value, language)}`
            : escapeForTooltip(label(item.name)),
      },
      series: [
        {
          type: 'sankey',
          // Drawn at once: a half-grown diagram in a screenshot (or for a reader) shows nothing true.
          animation: false,
          data: [...names].map((name) => ({ name })),
          links: switches.map((s) => ({
            source: `from:${s.from}`,
            target: `to:${s.to}`,
            value: s.customers,
          })),
          label: { formatter: (item: { name: string }) => label(item.name) },
          lineStyle: { color: 'source', curveness: 0.5 },
        },
      ],
    };
  }, [switches, t, language]);

  const windows: number[] = [...funnelWindows];
  if (!windows.includes(state.windowSeconds)) windows.push(state.windowSeconds);

  return (
    <section className="panel" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('journeys.channels.title')}</h2>
      <p className="lead">{t('journeys.channels.intro')}</p>
      <SelectField
        label={t('journeys.channels.window')}
        value={state.windowSeconds}
        onChange={(event) => onChange({ windowSeconds: Number(event.target.value) })}
      >
        {windows.map((seconds) => (
          <option key={seconds} value={seconds}>
            {formatDuration(seconds, language)}
          </option>
        ))}
      </SelectField>
      <ErrorAlert error={result.error} />
      {result.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {result.data && switches.length === 0 ? <p className="empty">{t('journeys.channels.none')}</p> : null}
      {option ? (
        <Chart
          option={option}
          height={320}
          label={t('journeys.channels.chartLabel', { count: switches.length })}
        />
      ) : null}
      {switches.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('journeys.channels.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('journeys.channels.from')}</th>
                <th scope="col">{t('journeys.channels.to')}</th>
                <th scope="col">{t('journeys.funnel.customers')}</th>
                <th scope="col">{t('journeys.channels.switches')}</th>
              </tr>
            </thead>
            <tbody>
              {switches.map((s) => (
                <tr key={`${s.from}\u0000${s.to}`}>
                  <th scope="row">{channelLabel(t, s.from)}</th>
                  <td>{channelLabel(t, s.to)}</td>
                  <td>{formatNumber(s.customers, language)}</td>
                  <td>{formatNumber(s.switches, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
