import { describe, expect, it } from 'vitest';
import { matchesUrlPattern } from './url-pattern.js';

const url = new URL('https://shop.example/checkout/done?order=1#top');

describe('trigger urlPattern', () => {
  it('matches paths when the pattern starts with a slash', () => {
    expect(matchesUrlPattern('/checkout/*', url)).toBe(true);
    expect(matchesUrlPattern('/checkout/done', url)).toBe(true);
    expect(matchesUrlPattern('/checkout', url)).toBe(false);
    expect(matchesUrlPattern('/cart/*', url)).toBe(false);
  });

  it('matches the whole URL without its fragment otherwise', () => {
    expect(matchesUrlPattern('https://shop.example/*', url)).toBe(true);
    expect(matchesUrlPattern('*order=1', url)).toBe(true);
    expect(matchesUrlPattern('*#top', url)).toBe(false);
  });

  it('treats regular-expression characters literally', () => {
    expect(matchesUrlPattern('/checkout/d.ne', url)).toBe(false);
    expect(matchesUrlPattern('*?order=1', url)).toBe(true);
    expect(matchesUrlPattern('/(checkout)/*', url)).toBe(false);
  });
});
