import type { MouseEvent } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageTouchpoints } from '../access/permissions';
import { scopeOf } from '../api/analytics';
import { PageHeading } from '../components/page-heading';
import { parseGlobalFilters } from '../filters/global-filters';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { setSearch, useSearch } from '../routing/router';
import { useTouchpoints } from '../touchpoints/touchpoints-api';
import { ChannelSwitchPanel } from './channel-switch-panel';
import { FunnelPanel } from './funnel-panel';
import { JourneyMapPanel } from './journey-map-panel';
import {
  type JourneyView,
  type JourneyViewState,
  journeyViews,
  parseJourneyView,
  writeJourneyView,
} from './journey-view-state';
import { KeyMomentsPanel } from './key-moments-panel';
import { PathsPanel } from './paths-panel';
import './journeys.css';

/**
 * Journeys: the journey map, funnel builder, paths, channel switches and key moments, one at a time. The chosen
 * view and its settings live in the query string (journey-view-state.ts), so any view can be shared as a link.
 */
export function JourneysScreen({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const search = useSearch();
  const workspaceId = current.workspace.id;
  const timeZone = current.workspace.timeZone;
  const state = useMemo(() => parseJourneyView(search), [search]);
  const scope = useMemo(() => scopeOf(parseGlobalFilters(search), timeZone), [search, timeZone]);
  const touchpoints = useTouchpoints(workspaceId);
  const touchpointList = touchpoints.data ?? [];

  const change = (patch: Partial<JourneyViewState>) =>
    setSearch(writeJourneyView({ ...state, ...patch }, window.location.search));
  const hrefOf = (view: JourneyView) => `?${writeJourneyView({ ...state, view }, search).toString()}`;
  const open = (view: JourneyView) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    setSearch(writeJourneyView({ ...state, view }, window.location.search), { push: true });
  };

  const panel = {
    map: (
      <JourneyMapPanel
        workspaceId={workspaceId}
        state={state}
        scope={scope}
        touchpoints={touchpointList}
        canManage={canManageTouchpoints(current.role)}
        onChange={change}
      />
    ),
    funnel: (
      <FunnelPanel
        workspaceId={workspaceId}
        state={state}
        scope={scope}
        touchpoints={touchpointList}
        onChange={change}
      />
    ),
    paths: (
      <PathsPanel
        key={state.pathStep}
        workspaceId={workspaceId}
        state={state}
        scope={scope}
        onChange={change}
      />
    ),
    channels: <ChannelSwitchPanel workspaceId={workspaceId} state={state} scope={scope} onChange={change} />,
    moments: (
      <KeyMomentsPanel
        workspaceId={workspaceId}
        state={state}
        scope={scope}
        touchpoints={touchpointList}
        onChange={change}
      />
    ),
  }[state.view];

  return (
    <>
      <PageHeading>{t('journeys.title')}</PageHeading>
      <nav aria-label={t('journeys.viewsLabel')} className="journey-views">
        <ul>
          {journeyViews.map((view) => (
            <li key={view}>
              <a
                href={hrefOf(view)}
                onClick={open(view)}
                aria-current={view === state.view ? 'page' : undefined}
                className="journey-view-link"
              >
                {t(`journeys.views.${view}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {panel}
    </>
  );
}
