/** IANA time zones the browser knows; reports are computed in the workspace's zone, so it must be a real one. */
export function timeZoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  // Intl lists canonical names only: keep a stored alias (or UTC) selectable instead of silently changing it.
  const zones = new Set([...known, 'UTC', current]);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

export const defaultTimeZone = 'Europe/Berlin';
