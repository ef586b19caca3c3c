import { describe, expect, it } from 'vitest';
import { matchLanguage, pickLanguage, resolveLanguage } from './language';

describe('UI language', () => {
  it('matches BCP 47 tags on their primary subtag', () => {
    expect(matchLanguage(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(matchLanguage(['EN_gb'])).toBe('en');
    expect(matchLanguage(['fr', null, undefined, ''])).toBeNull();
    expect(pickLanguage(['fr'])).toBe('en');
  });

  it('prefers the stored choice, then the browser, then the account locale', () => {
    expect(resolveLanguage('en', ['de-DE'], 'de')).toBe('en');
    expect(resolveLanguage(null, ['en-US'], 'de')).toBe('en');
    expect(resolveLanguage(null, ['fr-FR', 'it'], 'de')).toBe('de');
    expect(resolveLanguage('xx', ['fr-FR'], null)).toBe('en');
  });
});
