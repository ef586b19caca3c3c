/**
 * The URL is the state: every screen the dashboard shows is one of these routes, and the address bar is its only
 * store. parseRoute and hrefFor are inverses (routes.test.ts checks the round trip). Global filters (date range,
 * channel, touchpoint, segment) live in the query string instead, see filters/global-filters.ts.
 */
export const settingsPages = ['members', 'api-tokens', 'write-keys', 'workspace'] as const;
export type SettingsPage = (typeof settingsPages)[number];

/** Workspace screens addressed by one fixed path segment, in navigation order. */
export const areaScreens = ['journeys', 'touchpoints', 'surveys', 'responses', 'profiles'] as const;
export type AreaScreen = (typeof areaScreens)[number];

export type Route =
  | { name: 'home' }
  | { name: 'setup' }
  | { name: 'login' }
  | { name: 'new-workspace' }
  | { name: 'overview'; workspaceId: string }
  | { name: AreaScreen; workspaceId: string }
  | { name: 'survey'; workspaceId: string; surveyId: string }
  | { name: 'new-survey'; workspaceId: string }
  | { name: 'profile'; workspaceId: string; profileId: string }
  | { name: 'settings'; workspaceId: string; page: SettingsPage }
  | { name: 'not-found'; path: string };

export type WorkspaceRoute = Extract<Route, { workspaceId: string }>;

// Ids are UUIDv7 on the server; accepting only id-shaped segments keeps odd input out of API paths.
const idPattern = /^[0-9a-fA-F-]{8,64}$/;
const isId = (value: string | undefined): value is string => value !== undefined && idPattern.test(value);

function isSettingsPage(value: string | undefined): value is SettingsPage {
  return (settingsPages as readonly (string | undefined)[]).includes(value);
}

function isAreaScreen(value: string | undefined): value is AreaScreen {
  return (areaScreens as readonly (string | undefined)[]).includes(value);
}

function parseWorkspacePath(workspaceId: string, segments: string[]): Route | undefined {
  const [section, item, ...rest] = segments;
  if (rest.length > 0) return undefined;
  if (section === undefined) return { name: 'overview', workspaceId };
  if (section === 'settings')
    return isSettingsPage(item) ? { name: 'settings', workspaceId, page: item } : undefined;
  if (!isAreaScreen(section)) return undefined;
  if (item === undefined) return { name: section, workspaceId };
  if (section === 'surveys' && item === 'new') return { name: 'new-survey', workspaceId };
  if (section === 'surveys' && isId(item)) return { name: 'survey', workspaceId, surveyId: item };
  if (section === 'profiles' && isId(item)) return { name: 'profile', workspaceId, profileId: item };
  return undefined;
}

export function parseRoute(pathname: string): Route {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const [first, second, ...rest] = segments;
  if (segments.length === 0) return { name: 'home' };
  if (segments.length === 1 && first === 'setup') return { name: 'setup' };
  if (segments.length === 1 && first === 'login') return { name: 'login' };
  if (segments.length === 2 && first === 'workspaces' && second === 'new') return { name: 'new-workspace' };
  if (first === 'w' && isId(second)) {
    const route = parseWorkspacePath(second, rest);
    if (route) return route;
  }
  return { name: 'not-found', path: pathname };
}

const workspaceBase = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}`;

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'setup':
      return '/setup';
    case 'login':
      return '/login';
    case 'new-workspace':
      return '/workspaces/new';
    case 'overview':
      return workspaceBase(route.workspaceId);
    case 'journeys':
    case 'touchpoints':
    case 'surveys':
    case 'responses':
    case 'profiles':
      return `${workspaceBase(route.workspaceId)}/${route.name}`;
    case 'survey':
      return `${workspaceBase(route.workspaceId)}/surveys/${encodeURIComponent(route.surveyId)}`;
    case 'new-survey':
      return `${workspaceBase(route.workspaceId)}/surveys/new`;
    case 'profile':
      return `${workspaceBase(route.workspaceId)}/profiles/${encodeURIComponent(route.profileId)}`;
    case 'settings':
      return `${workspaceBase(route.workspaceId)}/settings/${route.page}`;
    case 'not-found':
      return route.path;
  }
}

/**
 * The same page in another workspace, for the workspace switcher. A survey or profile belongs to one workspace,
 * so those fall back to their list.
 */
export function inWorkspace(route: Route, workspaceId: string): WorkspaceRoute {
  switch (route.name) {
    case 'settings':
      return { ...route, workspaceId };
    case 'journeys':
    case 'touchpoints':
    case 'surveys':
    case 'responses':
    case 'profiles':
      return { name: route.name, workspaceId };
    case 'survey':
    case 'new-survey':
      return { name: 'surveys', workspaceId };
    case 'profile':
      return { name: 'profiles', workspaceId };
    default:
      return { name: 'overview', workspaceId };
  }
}
