import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from '../i18n/de.json';
import en from '../i18n/en.json';
import { translatorOf } from '../i18n/translator';
import { describeError, type Translator } from './error-messages';
import { ApiError, clientErrorCodes } from './http-client';

/** A real i18next instance with the shipped catalogues, so the test sees exactly what people read. */
function translatorFor(language: 'de' | 'en'): Translator {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return translatorOf(instance);
}

describe('user-facing error messages', () => {
  const english = translatorFor('en');
  const german = translatorFor('de');

  it('localises known codes', () => {
    const error = new ApiError(401, 'CAIRN_INVALID_CREDENTIALS', 'The e-mail address or password is wrong.');
    expect(describeError(error, english)).toEqual({ summary: 'The e-mail address or password is wrong.' });
    expect(describeError(error, german)).toEqual({ summary: 'E-Mail-Adresse oder Passwort ist falsch.' });
  });

  it('adds the server message where it names specifics', () => {
    const error = new ApiError(409, 'CAIRN_CONFLICT', 'The last owner cannot be removed.');
    expect(describeError(error, german)).toEqual({
      summary: 'Das widerspricht vorhandenen Daten.',
      detail: 'The last owner cannot be removed.',
    });
  });

  it('tells how long to wait when rate limited', () => {
    const error = new ApiError(429, 'CAIRN_RATE_LIMITED', 'Too many requests.', undefined, 42);
    expect(describeError(error, english).summary).toBe(
      'Too many attempts. Please wait 42 seconds and try again.',
    );
  });

  it('falls back to the server message for a code this dashboard does not know yet', () => {
    const error = new ApiError(409, 'CAIRN_SOMETHING_NEW', 'A newer server explains itself.');
    expect(describeError(error, german)).toEqual({ summary: 'A newer server explains itself.' });
  });

  it('has a message for client-side failures and for anything that is not an ApiError', () => {
    expect(describeError(new ApiError(0, clientErrorCodes.network, 'x'), english).summary).toBe(
      'Cairn cannot be reached. Check your connection and try again.',
    );
    expect(describeError(new Error('boom'), german).summary).toBe(
      'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    );
  });
});
