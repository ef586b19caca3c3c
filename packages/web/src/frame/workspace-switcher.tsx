import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { canOpenRoute } from '../access/permissions';
import type { Workspace } from '../api/types';
import { navigate } from '../routing/router';
import { inWorkspace, type Route } from '../routing/routes';
import type { CurrentWorkspace } from './current-workspace';

interface WorkspaceSwitcherProps {
  workspaces: Workspace[];
  current: CurrentWorkspace | undefined;
  route: Route;
}

/** Switching keeps the page when the role in the other workspace allows it, else opens that workspace's overview. */
export function WorkspaceSwitcher({ workspaces, current, route }: WorkspaceSwitcherProps) {
  const { t } = useTranslation();
  const id = useId();

  const switchTo = (workspaceId: string) => {
    const target = workspaces.find((w) => w.id === workspaceId);
    if (!target) return;
    const next = inWorkspace(route, workspaceId);
    const allowed = target.role !== undefined && canOpenRoute(next, target.role);
    navigate(allowed ? next : { name: 'overview', workspaceId });
  };

  return (
    <span className="workspace-switcher">
      <label htmlFor={id}>{t('frame.workspace')}</label>
      <select id={id} value={current?.workspace.id ?? ''} onChange={(event) => switchTo(event.target.value)}>
        {current ? null : (
          <option value="" disabled>
            {t('frame.chooseWorkspace')}
          </option>
        )}
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
    </span>
  );
}
