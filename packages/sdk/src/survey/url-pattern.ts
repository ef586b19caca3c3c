/**
 * `urlPattern` of a trigger: `*` matches any run of characters, everything else literally. A pattern starting
 * with `/` is matched against the path (e.g. `/checkout/*`), any other against the URL without its fragment.
 * Case-insensitive, like the server's matcher.
 */
export function matchesUrlPattern(pattern: string, url: URL): boolean {
  const subject = pattern.startsWith('/') ? url.pathname : url.href.split('#')[0];
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(subject ?? '');
}
