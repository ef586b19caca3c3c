import { canOpenSettingsPage } from '../access/permissions';
import type { WorkspaceRoute } from '../routing/routes';
import { NoAccessScreen } from '../screens/no-access-screen';
import { OverviewScreen } from '../screens/overview-screen';
import { ApiTokensScreen } from '../settings/api-tokens-screen';
import { MembersScreen } from '../settings/members-screen';
import { WorkspaceSettingsScreen } from '../settings/workspace-settings-screen';
import { WriteKeysScreen } from '../settings/write-keys-screen';
import type { CurrentWorkspace } from './current-workspace';

/** The page of a workspace route, or a refusal when the URL names a page the role cannot use. */
export function WorkspaceScreen({ route, current }: { route: WorkspaceRoute; current: CurrentWorkspace }) {
  if (route.name === 'overview') return <OverviewScreen current={current} />;
  if (!canOpenSettingsPage(route.page, current.role)) return <NoAccessScreen />;
  switch (route.page) {
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
