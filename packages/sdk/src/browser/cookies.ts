/** `document.cookie`, injectable so the domain probing can be tested without a browser. */
export interface CookieJar {
  read(): string;
  write(cookie: string): void;
}

export const documentCookies: CookieJar = {
  read: () => document.cookie,
  write: (cookie) => {
    // biome-ignore lint/suspicious/noDocumentCookie: the async Cookie Store API is missing in older Safari and Firefox, and cookies are built by writeCookie below.
    document.cookie = cookie;
  },
};

export function readCookie(jar: CookieJar, name: string): string | undefined {
  for (const pair of jar.read().split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(pair.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface CookieOptions {
  /** Undefined: a host-only cookie. */
  domain: string | undefined;
  maxAgeSeconds: number;
  secure: boolean;
}

export function writeCookie(jar: CookieJar, name: string, value: string, options: CookieOptions): void {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'path=/',
    `max-age=${options.maxAgeSeconds}`,
    'SameSite=Lax',
  ];
  if (options.domain) parts.push(`domain=${options.domain}`);
  if (options.secure) parts.push('Secure');
  jar.write(parts.join('; '));
}

export function deleteCookie(jar: CookieJar, name: string, domain: string | undefined): void {
  writeCookie(jar, name, '', { domain, maxAgeSeconds: 0, secure: false });
}

const ipAddress = /^(\d{1,3}\.){3}\d{1,3}$|:/;

/**
 * The registrable domain ("example.co.uk" for "shop.example.co.uk"), found without shipping the Public Suffix
 * List: browsers refuse cookies whose Domain attribute is a public suffix (RFC 6265 §5.3 step 5), so the
 * shortest suffix that accepts a probe cookie is the registrable domain. Undefined for IPs and single-label
 * hosts such as localhost, where only host-only cookies work.
 */
export function findRegistrableDomain(hostname: string, jar: CookieJar): string | undefined {
  if (ipAddress.test(hostname) || !hostname.includes('.')) return undefined;
  const labels = hostname.split('.');
  const probe = 'cairn_domain_probe';
  for (let count = 2; count <= labels.length; count++) {
    const candidate = labels.slice(-count).join('.');
    writeCookie(jar, probe, '1', { domain: candidate, maxAgeSeconds: 60, secure: false });
    if (readCookie(jar, probe) === '1') {
      deleteCookie(jar, probe, candidate);
      return candidate;
    }
  }
  return undefined;
}
