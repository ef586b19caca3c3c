/**
 * The URL is the state: every screen the dashboard shows is one of these routes, and the address bar is its only
 * store. parseRoute and hrefFor are inverses (routes.test.ts checks the round trip).
 */
export const settingsPages = ['members', 'api-tokens', 'write-keys', 'workspace'] as const;
export type SettingsPage = (typeof settingsPages)[number];

export type Route =
  | { name: 'home' }
  | { name: 'setup' }
  | { name: 'login' }
  | { name: 'new-workspace' }
  | { name: 'overview'; workspaceId: string }
  | { name: 'settings'; workspaceId: string; page: SettingsPage }
  | { name: 'not-found'; path: string };

export type WorkspaceRoute = Extract<Route, { workspaceId: string }>;

// Ids are UUIDv7 on the server; accepting only id-shaped segments keeps odd input out of API paths.
const idPattern = /^[0-9a-fA-F-]{8,64}$/;

function isSettingsPage(value: string | undefined): value is SettingsPage {
  return (settingsPages as readonly (string | undefined)[]).includes(value);
}

export function parseRoute(pathname: string): Route {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const [first, second, third, fourth, ...rest] = segments;
  if (segments.length === 0) return { name: 'home' };
  if (segments.length === 1 && first === 'setup') return { name: 'setup' };
  if (segments.length === 1 && first === 'login') return { name: 'login' };
  if (segments.length === 2 && first === 'workspaces' && second === 'new') return { name: 'new-workspace' };
  if (first === 'w' && second !== undefined && idPattern.test(second) && rest.length === 0) {
    if (third === undefined) return { name: 'overview', workspaceId: second };
    if (third === 'settings' && isSettingsPage(fourth)) {
      return { name: 'settings', workspaceId: second, page: fourth };
    }
  }
  return { name: 'not-found', path: pathname };
}

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
      return `/w/${encodeURIComponent(route.workspaceId)}`;
    case 'settings':
      return `/w/${encodeURIComponent(route.workspaceId)}/settings/${route.page}`;
    case 'not-found':
      return route.path;
  }
}

/** The same page in another workspace, for the workspace switcher. */
export function inWorkspace(route: Route, workspaceId: string): WorkspaceRoute {
  if (route.name === 'settings') return { ...route, workspaceId };
  return { name: 'overview', workspaceId };
}
