/**
 * The global filters every analysis screen applies: a date range, a channel, a touchpoint and a segment. They live
 * in the query string (?from=2026-01-01&to=2026-01-31&channel=web…) so a view can be shared as a link, and they
 * travel along when someone moves between the screens of one workspace.
 */
export const globalFilterKeys = ['from', 'to', 'channel', 'touchpoint', 'segment'] as const;
export type GlobalFilterKey = (typeof globalFilterKeys)[number];
export type GlobalFilters = Partial<Record<GlobalFilterKey, string>>;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from a query string, dropping values that cannot be right (a hand-edited link). */
export function parseGlobalFilters(search: string): GlobalFilters {
  const params = new URLSearchParams(search);
  const filters: GlobalFilters = {};
  for (const key of globalFilterKeys) {
    const value = params.get(key)?.trim();
    if (!value || value.length > 200) continue;
    if ((key === 'from' || key === 'to') && !datePattern.test(value)) continue;
    filters[key] = value;
  }
  return filters;
}

/** The query string for these filters, in a fixed key order so equal views have equal links. */
export function serialiseGlobalFilters(filters: GlobalFilters): string {
  const params = new URLSearchParams();
  for (const key of globalFilterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The channels every event and response carries (packages/protocol/src/channels.ts; the web app has no dependency on it). */
export const channels = ['web', 'app', 'email', 'sms', 'chat', 'social', 'store', 'phone', 'other'] as const;

const isGlobalKey = (key: string) => (globalFilterKeys as readonly string[]).includes(key);

/**
 * The query string after changing some filters (an empty value removes one). A screen's own parameters (the survey
 * picked on Responses, a funnel's steps) stay as they were, after the global filters.
 */
export function withFilters(search: string, changes: GlobalFilters): string {
  const params = new URLSearchParams(serialiseGlobalFilters({ ...parseGlobalFilters(search), ...changes }));
  for (const [key, value] of new URLSearchParams(search)) if (!isGlobalKey(key)) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The query string without any global filter; the screen's own parameters stay. */
export function withoutFilters(search: string): string {
  return withFilters(search, Object.fromEntries(globalFilterKeys.map((key) => [key, ''])));
}
