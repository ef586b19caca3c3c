import { useTranslation } from 'react-i18next';
import { canOpenSettingsPage } from '../access/permissions';
import { Link } from '../routing/router';
import { hrefFor, type Route, type SettingsPage, settingsPages } from '../routing/routes';
import type { CurrentWorkspace } from './current-workspace';

function NavLink({ to, route, children }: { to: Route; route: Route; children: string }) {
  const current = hrefFor(to) === hrefFor(route);
  return (
    <Link to={to} className="nav-link" aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** Lists only the pages the role can use: a viewer never sees a way into settings it would be refused. */
export function SideNav({ current, route }: { current: CurrentWorkspace; route: Route }) {
  const { t } = useTranslation();
  const workspaceId = current.workspace.id;
  const pages = settingsPages.filter((page) => canOpenSettingsPage(page, current.role));
  const pageLabel: Record<SettingsPage, string> = {
    members: t('nav.members'),
    'api-tokens': t('nav.apiTokens'),
    'write-keys': t('nav.writeKeys'),
    workspace: t('nav.workspace'),
  };

  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to={{ name: 'overview', workspaceId }} route={route}>
            {t('nav.overview')}
          </NavLink>
        </li>
      </ul>
      {pages.length > 0 ? (
        <>
          <h2 className="nav-heading">{t('nav.settings')}</h2>
          <ul>
            {pages.map((page) => (
              <li key={page}>
                <NavLink to={{ name: 'settings', workspaceId, page }} route={route}>
                  {pageLabel[page]}
                </NavLink>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </nav>
  );
}
