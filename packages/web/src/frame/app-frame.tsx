import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, Workspace } from '../api/types';
import { LanguageSelect } from '../components/language-select';
import { Link } from '../routing/router';
import type { Route } from '../routing/routes';
import type { CurrentWorkspace } from './current-workspace';
import { SideNav } from './side-nav';
import { SignOutButton } from './sign-out-button';
import { WorkspaceSwitcher } from './workspace-switcher';

interface AppFrameProps {
  me: Me;
  workspaces: Workspace[];
  current: CurrentWorkspace | undefined;
  route: Route;
  children: ReactNode;
}

export function AppFrame({ me, workspaces, current, route, children }: AppFrameProps) {
  const { t } = useTranslation();
  const who = me.user?.name || me.user?.email;
  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        {t('frame.skipToContent')}
      </a>
      <header className="topbar">
        <Link className="brand" to={{ name: 'home' }}>
          Cairn
        </Link>
        {workspaces.length > 0 ? (
          <WorkspaceSwitcher workspaces={workspaces} current={current} route={route} />
        ) : null}
        <Link className="button button-secondary" to={{ name: 'new-workspace' }}>
          {t('frame.newWorkspace')}
        </Link>
        <div className="topbar-end">
          <LanguageSelect />
          {who ? <span className="account">{who}</span> : null}
          <SignOutButton />
        </div>
      </header>
      <div className="frame-body">
        {current ? <SideNav current={current} route={route} /> : null}
        <main id="main" tabIndex={-1} className="content">
          {children}
        </main>
      </div>
    </div>
  );
}
