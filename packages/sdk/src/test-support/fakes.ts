import type { CookieJar } from '../browser/cookies.js';
import type { KeyValueStorage } from '../browser/safe-storage.js';

/** Web Storage stand-in backed by a Map. */
export function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      data.set(key, value);
    },
    remove: (key) => {
      data.delete(key);
    },
    keys: () => [...data.keys()],
  };
}

/**
 * A cookie jar that behaves like a browser for one host: it rejects a Domain attribute that is a public suffix
 * (RFC 6265 §5.3 step 5) or that does not domain-match the host, and `max-age=0` deletes.
 */
export function browserLikeCookieJar(hostname: string, publicSuffixes: string[]) {
  const cookies = new Map<string, { value: string; domain: string | undefined; attributes: string }>();
  const jar: CookieJar = {
    read: () => [...cookies.entries()].map(([name, cookie]) => `${name}=${cookie.value}`).join('; '),
    write: (text) => {
      const [pair = '', ...attributes] = text.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split('=');
      const domain = attributes.find((attribute) => attribute.startsWith('domain='))?.slice('domain='.length);
      if (domain && (publicSuffixes.includes(domain) || !`.${hostname}`.endsWith(`.${domain}`))) return;
      if (attributes.includes('max-age=0')) cookies.delete(name);
      else cookies.set(name, { value, domain, attributes: attributes.join('; ') });
    },
  };
  return { jar, cookies };
}
