import { describe, expect, it } from 'vitest';
import { browserLikeCookieJar, memoryStorage } from '../test-support/fakes.js';
import { readCookie } from './cookies.js';
import { IdentityStore } from './identity-store.js';

function setup(options: { allowed?: boolean; storage?: Record<string, string>; cookie?: string } = {}) {
  const { jar, cookies } = browserLikeCookieJar('www.example.de', ['de']);
  if (options.cookie) jar.write(`cairn_aid=${options.cookie}; domain=example.de`);
  const storage = memoryStorage(options.storage);
  let ids = 0;
  const state = { allowed: options.allowed ?? true };
  const store = new IdentityStore({
    cookies: jar,
    storage,
    hostname: 'www.example.de',
    secure: true,
    newId: () => `id-${++ids}`,
    mayPersist: () => state.allowed,
  });
  return { store, jar, cookies, storage, state };
}

describe('IdentityStore', () => {
  it('creates an anonymous id and stores it in the cookie (registrable domain) and localStorage', () => {
    const { store, jar, cookies, storage } = setup();
    expect(store.current()).toEqual({ anonymousId: 'id-1' });
    expect(readCookie(jar, 'cairn_aid')).toBe('id-1');
    expect(cookies.get('cairn_aid')?.domain).toBe('example.de');
    expect(storage.get('cairn_aid')).toBe('id-1');
  });

  it('restores the id from the cookie alone and rewrites localStorage', () => {
    const { store, storage } = setup({ cookie: 'from-cookie' });
    expect(store.current().anonymousId).toBe('from-cookie');
    expect(storage.get('cairn_aid')).toBe('from-cookie');
  });

  it('restores the id from localStorage alone and rewrites the cookie', () => {
    const { store, jar } = setup({ storage: { cairn_aid: 'from-storage' } });
    expect(store.current().anonymousId).toBe('from-storage');
    expect(readCookie(jar, 'cairn_aid')).toBe('from-storage');
  });

  it('writes nothing while consent forbids storage, and everything once it is allowed', () => {
    const { store, cookies, storage, state } = setup({ allowed: false });
    store.identify('user-1', { plan: 'pro' });
    expect(cookies.size).toBe(0);
    expect(storage.data.size).toBe(0);
    state.allowed = true;
    store.persist();
    expect(storage.get('cairn_uid')).toBe('user-1');
    expect(JSON.parse(storage.get('cairn_traits') ?? '{}')).toEqual({ plan: 'pro' });
  });

  it('merges traits for the same user and starts over for a different user', () => {
    const { store } = setup();
    store.identify('user-1', { plan: 'pro' });
    expect(store.identify(undefined, { email: 'a@example.de' })).toEqual({
      plan: 'pro',
      email: 'a@example.de',
    });
    expect(store.identify('user-2', { name: 'B' })).toEqual({ name: 'B' });
  });

  it('reset gives a new anonymous id and forgets user id and traits', () => {
    const { store, storage } = setup();
    store.identify('user-1', { plan: 'pro' });
    store.reset();
    expect(store.current()).toEqual({ anonymousId: 'id-2' });
    expect(storage.get('cairn_uid')).toBeNull();
    expect(storage.get('cairn_traits')).toBeNull();
    expect(storage.get('cairn_aid')).toBe('id-2');
  });

  it('forget removes cookie and storage (consent revoked)', () => {
    const { store, cookies, storage } = setup();
    store.identify('user-1', {});
    store.forget();
    expect(cookies.size).toBe(0);
    expect(storage.data.size).toBe(0);
  });
});
