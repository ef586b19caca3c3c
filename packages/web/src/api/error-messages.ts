import { ApiError } from './http-client';

/** The part of i18next the mapping needs, so it can be tested with a real i18next instance or anything alike. */
export interface Translator {
  t(key: string, params?: Record<string, unknown>): string;
  exists(key: string): boolean;
}

export interface ErrorDescription {
  /** Localised sentence saying what went wrong and what to do. */
  summary: string;
  /** The server's own (English) message, shown where it names specifics the summary cannot (a field, a reason). */
  detail?: string;
}

/**
 * Codes whose server message carries facts the localised summary lacks: which field is invalid, why a change
 * conflicts, which action was refused, the request id of an internal error.
 */
const codesWithUsefulServerMessage = new Set([
  'CAIRN_VALIDATION_FAILED',
  'CAIRN_BAD_REQUEST',
  'CAIRN_CONFLICT',
  'CAIRN_FORBIDDEN',
  'CAIRN_NOT_FOUND',
  'CAIRN_INTERNAL',
  'CAIRN_INVALID_MESSAGE',
]);

/** Turns anything a request threw into what the person in front of the screen should read. */
export function describeError(error: unknown, translator: Translator): ErrorDescription {
  if (!(error instanceof ApiError)) return { summary: translator.t('errors.unknown') };
  const key = `errors.${error.code}`;
  if (!translator.exists(key)) {
    // A code newer than this dashboard: the server's message is still better than a generic one.
    return { summary: error.message || translator.t('errors.unknown') };
  }
  const summary = translator.t(key, { seconds: error.retryAfterSeconds ?? 60 });
  return codesWithUsefulServerMessage.has(error.code) && error.message
    ? { summary, detail: error.message }
    : { summary };
}
