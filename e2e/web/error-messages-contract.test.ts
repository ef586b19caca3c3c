import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../packages/server/src/errors/catalogue.js';
import de from '../../packages/web/src/i18n/de.json' with { type: 'json' };
import en from '../../packages/web/src/i18n/en.json' with { type: 'json' };

/**
 * Where the server's error catalogue meets the dashboard: every code the server can answer with has a message
 * in German and English, so nobody reads a raw English server message because a translation was forgotten.
 */
describe('error codes and dashboard messages', () => {
  it('has a German and an English message for every server error code', () => {
    const missing = Object.keys(errorCatalogue).flatMap((code) => [
      ...(code in de.errors ? [] : [`de: errors.${code}`]),
      ...(code in en.errors ? [] : [`en: errors.${code}`]),
    ]);
    expect(missing).toEqual([]);
  });
});
