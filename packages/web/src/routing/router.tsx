import { type AnchorHTMLAttributes, type MouseEvent, useMemo, useSyncExternalStore } from 'react';
import { parseGlobalFilters, serialiseGlobalFilters } from '../filters/global-filters';
import { hrefFor, parseRoute, type Route } from './routes';

// pushState fires no event of its own; this one lets every useRoute() see programmatic navigation.
const navigationEvent = 'cairn:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

const currentPath = () => window.location.pathname;
const currentSearch = () => window.location.search;

/** The current route, derived from the address bar on every render (never copied into component state). */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, currentPath);
  return parseRoute(pathname);
}

/** The query string of the address bar, re-read whenever it changes. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}

export function useSearchParams(): URLSearchParams {
  const search = useSearch();
  return useMemo(() => new URLSearchParams(search), [search]);
}

/** Global filters stay when moving inside one workspace and are dropped when leaving it. */
function carriedSearch(route: Route): string {
  const from = parseRoute(window.location.pathname);
  const sameWorkspace =
    'workspaceId' in route && 'workspaceId' in from && route.workspaceId === from.workspaceId;
  return sameWorkspace ? serialiseGlobalFilters(parseGlobalFilters(window.location.search)) : '';
}

function go(href: string, replace: boolean | undefined): void {
  if (href === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(navigationEvent));
}

/** Opens a route; `search` replaces the query string, otherwise the global filters are carried along. */
export function navigate(route: Route, options: { replace?: boolean; search?: string } = {}): void {
  go(hrefFor(route) + (options.search ?? carriedSearch(route)), options.replace);
}

/** Changes only the query string (filters, tabs) of the current page; replaced by default so Back leaves the page. */
export function setSearch(search: URLSearchParams | string, options: { push?: boolean } = {}): void {
  const text = search.toString();
  const normalised = text === '' || text.startsWith('?') ? text : `?${text}`;
  go(window.location.pathname + normalised, !options.push);
}

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: Route;
  /** An explicit query string for the target; by default the global filters come along. */
  search?: string;
}

/** A real link (open in new tab, copy address work) that navigates in place on a plain click. */
export function Link({ to, search, onClick, ...rest }: LinkProps) {
  useSearch(); // re-render when the filters change, so the href carries the current ones
  const href = hrefFor(to) + (search ?? carriedSearch(to));
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || modified || event.button !== 0) return;
    event.preventDefault();
    go(href, false);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
