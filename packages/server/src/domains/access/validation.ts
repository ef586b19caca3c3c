import { CairnError } from '../../errors/catalogue.js';

/**
 * Validators for values the route schemas cannot check on their own (time zones, e-mail normalisation) and for
 * rules that must hold whoever calls the domain. Field names follow the schema validator's convention
 * (`body.timeZone`), so clients read one kind of `details` whichever layer rejected the request.
 */
export function invalidInput(field: string, message: string): CairnError {
  return new CairnError('CAIRN_VALIDATION_FAILED', { summary: `${field} ${message}` }, [{ field, message }]);
}

/** UI, survey and e-mail languages Cairn ships (German and English from day one). */
export const supportedLocales = ['de', 'en'] as const;
export type Locale = (typeof supportedLocales)[number];

export const passwordMinLength = 12;
/** argon2 hashes the whole input: an unbounded password would let one request burn CPU. */
export const passwordMaxLength = 1024;
/** RFC 5321 §4.5.3.1.3 limits a forward path to 256 octets, i.e. 254 characters of address. */
export const emailMaxLength = 254;
export const nameMaxLength = 200;

// Deliberately loose: one @, something on each side, no white space. Self-hosted installs use intranet domains
// without a dot (ops@intranet); the only real proof of an address is a message that arrives.
const emailShape = /^[^\s@]+@[^\s@]+$/;

/** Trims the address (stored as typed otherwise); addresses are compared case-insensitively by the store. */
export function normaliseEmail(raw: string, field = 'body.email'): string {
  const email = raw.trim();
  if (email.length > emailMaxLength || !emailShape.test(email)) {
    throw invalidInput(field, 'must be an e-mail address such as ada@example.com');
  }
  return email;
}

/** The comparison the store applies to e-mail addresses (`lower(email)`), for code that compares in memory. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

const canonicalTimeZones = new Set(Intl.supportedValuesOf('timeZone'));
// IANA names are Area/Location (or single words such as UTC); this rejects offsets like "+01:00", which newer
// engines accept but which do not follow daylight saving time and so give wrong reporting days half the year.
const ianaNameShape = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * Accepts an IANA time zone name the engine knows. Names in the engine's canonical list are kept; other names it
 * resolves ("UTC", "europe/berlin", "Asia/Kolkata") are kept as typed, only fixing their case: older ICU data
 * resolves current names to former ones (Asia/Kolkata to Asia/Calcutta), and people should get back what they chose.
 */
export function validateTimeZone(raw: string, field = 'body.timeZone'): string {
  if (canonicalTimeZones.has(raw)) return raw;
  if (ianaNameShape.test(raw)) {
    try {
      const resolved = new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
      return resolved.toLowerCase() === raw.toLowerCase() ? resolved : raw;
    } catch {
      // not a zone the engine knows: falls through to the error below
    }
  }
  throw invalidInput(field, 'must be an IANA time zone name such as Europe/Berlin');
}

export function validateLocale(raw: string, field = 'body.defaultLocale'): Locale {
  const locale = supportedLocales.find((l) => l === raw);
  if (!locale) throw invalidInput(field, `must be one of ${supportedLocales.join(', ')}`);
  return locale;
}

export function validatePassword(raw: string, field = 'body.password'): string {
  if (raw.length < passwordMinLength) {
    throw invalidInput(field, `must have at least ${passwordMinLength} characters`);
  }
  if (raw.length > passwordMaxLength) {
    throw invalidInput(field, `must have at most ${passwordMaxLength} characters`);
  }
  return raw;
}

/** Display names: trimmed; `required` names (workspaces) must keep at least one character after trimming. */
export function validateName(raw: string, field: string, required: boolean): string {
  const name = raw.trim();
  if (required && name.length === 0) throw invalidInput(field, 'must not be empty');
  if (name.length > nameMaxLength) throw invalidInput(field, `must have at most ${nameMaxLength} characters`);
  return name;
}
