import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaces } from '../api/queries';
import type { Me } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { navigate, useRoute } from '../routing/router';
import { NewWorkspaceScreen } from '../screens/new-workspace-screen';
import { NotFoundScreen } from '../screens/not-found-screen';
import { AppFrame } from './app-frame';
import type { CurrentWorkspace } from './current-workspace';
import { WorkspaceScreen } from './workspace-screen';

export function SignedInApp({ me }: { me: Me }) {
  const { t } = useTranslation();
  const route = useRoute();
  const workspaces = useWorkspaces();
  const first = workspaces.data?.[0];
  const loaded = workspaces.data !== undefined;

  // "/" (and the pre-sign-in addresses) lead to the first workspace, or to creating one when there is none.
  useEffect(() => {
    if (!loaded || !['home', 'login', 'setup'].includes(route.name)) return;
    navigate(first ? { name: 'overview', workspaceId: first.id } : { name: 'new-workspace' }, {
      replace: true,
    });
  }, [loaded, first, route.name]);

  const list = workspaces.data ?? [];
  const workspace = 'workspaceId' in route ? list.find((w) => w.id === route.workspaceId) : undefined;
  const role = workspace?.role ?? me.workspaces.find((w) => w.id === workspace?.id)?.role;
  const current: CurrentWorkspace | undefined = workspace && role ? { workspace, role } : undefined;

  let content: ReactNode;
  if (workspaces.isError) content = <ErrorAlert error={workspaces.error} />;
  else if (!loaded) content = <p role="status">{t('common.loading')}</p>;
  else if (route.name === 'new-workspace') content = <NewWorkspaceScreen />;
  else if ('workspaceId' in route) {
    content = current ? (
      <WorkspaceScreen route={route} current={current} />
    ) : (
      <NotFoundScreen kind="workspace" />
    );
  } else if (route.name === 'not-found') content = <NotFoundScreen kind="page" />;
  else content = <p role="status">{t('common.loading')}</p>;

  return (
    <AppFrame me={me} workspaces={list} current={current} route={route}>
      {content}
    </AppFrame>
  );
}
