import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { canOpenRoute } from '../access/permissions';
import { GlobalFilterBar } from '../filters/global-filter-bar';
import { OverviewScreen } from '../overview/overview-screen';
import type { WorkspaceRoute } from '../routing/routes';
import { NoAccessScreen } from '../screens/no-access-screen';
import { ApiTokensScreen } from '../settings/api-tokens-screen';
import { MembersScreen } from '../settings/members-screen';
import { WorkspaceSettingsScreen } from '../settings/workspace-settings-screen';
import { WriteKeysScreen } from '../settings/write-keys-screen';
import type { CurrentWorkspace } from './current-workspace';

// Each area's screen is its own chunk, fetched when first opened, so the overview (the start page) loads only
// what it needs.
const JourneysScreen = lazy(() =>
  import('../journeys/journeys-screen').then((m) => ({ default: m.JourneysScreen })),
);
const ProfileScreen = lazy(() =>
  import('../profiles/profile-screen').then((m) => ({ default: m.ProfileScreen })),
);
const ProfilesScreen = lazy(() =>
  import('../profiles/profiles-screen').then((m) => ({ default: m.ProfilesScreen })),
);
const ResponsesScreen = lazy(() =>
  import('../responses/responses-screen').then((m) => ({ default: m.ResponsesScreen })),
);
const SurveyEditorScreen = lazy(() =>
  import('../surveys/survey-editor-screen').then((m) => ({ default: m.SurveyEditorScreen })),
);
const SurveysScreen = lazy(() =>
  import('../surveys/surveys-screen').then((m) => ({ default: m.SurveysScreen })),
);
const TouchpointsScreen = lazy(() =>
  import('../touchpoints/touchpoints-screen').then((m) => ({ default: m.TouchpointsScreen })),
);

/** The page of a workspace route, or a refusal when the URL names a page the role cannot use. */
export function WorkspaceScreen({ route, current }: { route: WorkspaceRoute; current: CurrentWorkspace }) {
  if (!canOpenRoute(route, current.role)) return <NoAccessScreen />;
  return (
    <>
      {filteredScreens.has(route.name) ? <GlobalFilterBar current={current} /> : null}
      <Suspense fallback={<Loading />}>
        <RouteScreen route={route} current={current} />
      </Suspense>
    </>
  );
}

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loading')}</p>;
}

/**
 * Analysis screens whose figures follow the global filters (date range, channel, touchpoint) in the URL. The
 * touchpoint registry is not one of them: its coverage has its own window (last 7 days … 12 months).
 */
const filteredScreens: ReadonlySet<WorkspaceRoute['name']> = new Set(['overview', 'journeys', 'responses']);

function RouteScreen({ route, current }: { route: WorkspaceRoute; current: CurrentWorkspace }) {
  switch (route.name) {
    case 'overview':
      return <OverviewScreen current={current} />;
    case 'journeys':
      return <JourneysScreen current={current} />;
    case 'touchpoints':
      return <TouchpointsScreen current={current} />;
    case 'surveys':
      return <SurveysScreen current={current} />;
    case 'new-survey':
      return <SurveyEditorScreen current={current} />;
    case 'survey':
      return <SurveyEditorScreen current={current} surveyId={route.surveyId} />;
    case 'responses':
      return <ResponsesScreen current={current} />;
    case 'profiles':
      return <ProfilesScreen current={current} />;
    case 'profile':
      return <ProfileScreen current={current} profileId={route.profileId} />;
    case 'settings':
      return <SettingsScreen page={route.page} current={current} />;
  }
}

function SettingsScreen({
  page,
  current,
}: {
  page: Extract<WorkspaceRoute, { name: 'settings' }>['page'];
  current: CurrentWorkspace;
}) {
  switch (page) {
    case 'members':
      return <MembersScreen current={current} />;
    case 'api-tokens':
      return <ApiTokensScreen current={current} />;
    case 'write-keys':
      return <WriteKeysScreen current={current} />;
    case 'workspace':
      return <WorkspaceSettingsScreen current={current} />;
  }
}
