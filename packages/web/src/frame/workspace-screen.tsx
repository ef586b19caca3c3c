import { canOpenRoute } from '../access/permissions';
import { JourneysScreen } from '../journeys/journeys-screen';
import { OverviewScreen } from '../overview/overview-screen';
import { ProfileScreen } from '../profiles/profile-screen';
import { ProfilesScreen } from '../profiles/profiles-screen';
import { ResponsesScreen } from '../responses/responses-screen';
import type { WorkspaceRoute } from '../routing/routes';
import { NoAccessScreen } from '../screens/no-access-screen';
import { ApiTokensScreen } from '../settings/api-tokens-screen';
import { MembersScreen } from '../settings/members-screen';
import { WorkspaceSettingsScreen } from '../settings/workspace-settings-screen';
import { WriteKeysScreen } from '../settings/write-keys-screen';
import { SurveyEditorScreen } from '../surveys/survey-editor-screen';
import { SurveysScreen } from '../surveys/surveys-screen';
import { TouchpointsScreen } from '../touchpoints/touchpoints-screen';
import type { CurrentWorkspace } from './current-workspace';

/** The page of a workspace route, or a refusal when the URL names a page the role cannot use. */
export function WorkspaceScreen({ route, current }: { route: WorkspaceRoute; current: CurrentWorkspace }) {
  if (!canOpenRoute(route, current.role)) return <NoAccessScreen />;
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
