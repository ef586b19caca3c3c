import { describe, expect, it } from 'vitest';
import { browserLikeCookieJar } from '../test-support/fakes.js';
import { findRegistrableDomain, readCookie, writeCookie } from './cookies.js';

describe('findRegistrableDomain', () => {
  it('finds the shortest domain the browser accepts a cookie on', () => {
    const { jar, cookies } = browserLikeCookieJar('shop.example.co.uk', ['uk', 'co.uk']);
    expect(findRegistrableDomain('shop.example.co.uk', jar)).toBe('example.co.uk');
    expect(cookies.size).toBe(0); // the probe cookie is removed again
  });

  it('works for a plain two-label site', () => {
    const { jar } = browserLikeCookieJar('www.example.de', ['de']);
    expect(findRegistrableDomain('www.example.de', jar)).toBe('example.de');
  });

  it('falls back to a host-only cookie for localhost and IP addresses', () => {
    const { jar } = browserLikeCookieJar('localhost', []);
    expect(findRegistrableDomain('localhost', jar)).toBeUndefined();
    expect(findRegistrableDomain('127.0.0.1', jar)).toBeUndefined();
    expect(findRegistrableDomain('::1', jar)).toBeUndefined();
  });
});

describe('cookie text', () => {
  it('writes a one-year SameSite=Lax cookie and reads it back decoded', () => {
    const written: string[] = [];
    writeCookie({ read: () => '', write: (text) => written.push(text) }, 'cairn_aid', 'a b', {
      domain: 'example.de',
      maxAgeSeconds: 31_536_000,
      secure: true,
    });
    expect(written).toEqual([
      'cairn_aid=a%20b; path=/; max-age=31536000; SameSite=Lax; domain=example.de; Secure',
    ]);
    expect(readCookie({ read: () => 'x=1; cairn_aid=a%20b', write: () => {} }, 'cairn_aid')).toBe('a b');
    expect(readCookie({ read: () => 'cairn_aidx=1', write: () => {} }, 'cairn_aid')).toBeUndefined();
  });
});
