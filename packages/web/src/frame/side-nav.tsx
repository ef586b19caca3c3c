import { useTranslation } from 'react-i18next';
import { canOpenRoute, canOpenSettingsPage } from '../access/permissions';
import { Link } from '../routing/router';
import {
  type AreaScreen,
  areaScreens,
  hrefFor,
  type Route,
  type SettingsPage,
  settingsPages,
} from '../routing/routes';
import type { CurrentWorkspace } from './current-workspace';

/** A list link stays marked while one of its items (a survey, a profile) is open. */
function opens(to: Route, route: Route): boolean {
  if (to.name === 'surveys' && (route.name === 'survey' || route.name === 'new-survey')) return true;
  if (to.name === 'profiles' && route.name === 'profile') return true;
  return hrefFor(to) === hrefFor(route);
}

function NavLink({ to, route, children }: { to: Route; route: Route; children: string }) {
  const current = opens(to, route);
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
  const screens = areaScreens.filter((name) => canOpenRoute({ name, workspaceId }, current.role));
  const screenLabel: Record<AreaScreen, string> = {
    journeys: t('nav.journeys'),
    touchpoints: t('nav.touchpoints'),
    surveys: t('nav.surveys'),
    responses: t('nav.responses'),
    profiles: t('nav.profiles'),
  };
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
        {screens.map((name) => (
          <li key={name}>
            <NavLink to={{ name, workspaceId }} route={route}>
              {screenLabel[name]}
            </NavLink>
          </li>
        ))}
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
