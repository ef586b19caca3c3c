import { type ChangeEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { setSearch, useSearch } from '../routing/router';
import {
  completeRange,
  matchingQuickPick,
  type QuickPick,
  quickPickRange,
  quickPicks,
  todayIn,
} from './date-range';
import {
  channels,
  type GlobalFilters,
  parseGlobalFilters,
  withFilters,
  withoutFilters,
} from './global-filters';
import { useSegmentOptions } from './segment-options';
import { useTouchpointOptions } from './touchpoint-options';
import './global-filter-bar.css';

/**
 * Date range, channel and touchpoint for every analysis screen. The URL is the only store (GUIDE §4b): the bar
 * reads the query string and writes it back, so a view can be shared as a link and survives a reload. Segments
 * are left out until the server offers a list of them (there is no segments endpoint, and the engine cannot
 * filter by one yet).
 */
export function GlobalFilterBar({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const search = useSearch();
  const filters = useMemo(() => parseGlobalFilters(search), [search]);
  const { timeZone, id: workspaceId } = current.workspace;
  const today = todayIn(timeZone);
  const pressed = matchingQuickPick(filters, today);
  const touchpoints = useTouchpointOptions(workspaceId);
  const segments = useSegmentOptions(workspaceId);

  const change = (changes: GlobalFilters) => setSearch(withFilters(search, changes), { push: true });
  const changeDate = (end: 'from' | 'to') => (event: ChangeEvent<HTMLInputElement>) => {
    const range = completeRange(
      { from: filters.from, to: filters.to, [end]: event.target.value || undefined },
      today,
    );
    change({ from: range.from ?? '', to: range.to ?? '' });
  };
  const pick = (quick: QuickPick) => change(quickPickRange(quick, today));
  const hasFilters = Object.keys(filters).length > 0;

  return (
    <section className="filter-bar" aria-label={t('common.filters.label')}>
      <fieldset className="filter-dates">
        <legend>{t('common.filters.dateRange')}</legend>
        <label>
          <span>{t('common.filters.from')}</span>
          <input type="date" value={filters.from ?? ''} max={filters.to} onChange={changeDate('from')} />
        </label>
        <label>
          <span>{t('common.filters.to')}</span>
          <input type="date" value={filters.to ?? ''} min={filters.from} onChange={changeDate('to')} />
        </label>
        <fieldset className="filter-quick">
          <legend className="visually-hidden">{t('common.filters.quickPicks')}</legend>
          {quickPicks.map((quick) => (
            <button
              key={quick}
              type="button"
              className="button button-secondary"
              aria-pressed={pressed === quick}
              onClick={() => pick(quick)}
            >
              {t(`common.filters.quick.${quick}`)}
            </button>
          ))}
        </fieldset>
      </fieldset>
      <label className="filter-select">
        <span>{t('common.filters.channel')}</span>
        <select value={filters.channel ?? ''} onChange={(event) => change({ channel: event.target.value })}>
          <option value="">{t('common.filters.allChannels')}</option>
          {channels.map((channel) => (
            <option key={channel} value={channel}>
              {t(`common.channels.${channel}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-select">
        <span>{t('common.filters.touchpoint')}</span>
        <select
          value={filters.touchpoint ?? ''}
          onChange={(event) => change({ touchpoint: event.target.value })}
          aria-busy={touchpoints.isPending}
        >
          <option value="">{t('common.filters.allTouchpoints')}</option>
          {touchpoints.data?.items.map((touchpoint) => (
            <option key={touchpoint.id} value={touchpoint.id}>
              {touchpoint.name}
            </option>
          ))}
          {/* A shared link may name a touchpoint that was deleted since; keep it visible instead of silently "all". */}
          {filters.touchpoint &&
          touchpoints.data &&
          !touchpoints.data.items.some((tp) => tp.id === filters.touchpoint) ? (
            <option value={filters.touchpoint}>{t('common.filters.unknownTouchpoint')}</option>
          ) : null}
        </select>
      </label>
      <label className="filter-select">
        <span>{t('common.filters.segment')}</span>
        <select
          value={filters.segment ?? ''}
          onChange={(event) => change({ segment: event.target.value })}
          aria-busy={segments.isPending}
        >
          <option value="">{t('common.filters.allCustomers')}</option>
          {segments.data?.items.map((segment) => (
            <option key={segment.id} value={segment.key}>
              {segment.name}
            </option>
          ))}
          {filters.segment && segments.data && !segments.data.items.some((s) => s.key === filters.segment) ? (
            <option value={filters.segment}>{t('common.filters.unknownSegment')}</option>
          ) : null}
        </select>
      </label>
      {hasFilters ? (
        <button
          type="button"
          className="button button-secondary filter-reset"
          onClick={() => setSearch(withoutFilters(search), { push: true })}
        >
          {t('common.filters.reset')}
        </button>
      ) : null}
      <p className="filter-zone">{t('common.filters.timeZone', { zone: timeZone })}</p>
    </section>
  );
}
