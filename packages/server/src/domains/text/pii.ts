/**
 * Personal data in free text: e-mail addresses, phone numbers (German and international), IBANs (ISO 13616,
 * mod-97 check per ISO 7064), street addresses (German "…straße 12", English "123 Main Street") and names after
 * an introduction or salutation. Spans never overlap; redaction replaces each with a tag so text can be shown to
 * roles that may not see personal data.
 */

export type PiiKind = 'email' | 'phone' | 'iban' | 'address' | 'name';
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

export const redactionTags: Record<PiiKind, string> = {
  email: '[E-MAIL]',
  phone: '[PHONE]',
  iban: '[IBAN]',
  address: '[ADDRESS]',
  name: '[NAME]',
};

const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const iban = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
/** +49 …, 0049 …, (030) …, 0171-…, with spaces, slashes, dots and dashes between groups. */
const phone =
  /(?:\+|\b00)\d{1,3}[ ./-]?(?:\(0\)[ ]?)?\(?\d{1,5}\)?(?:[ ./-]?\d{2,}){1,5}|(?:\(0\d{1,5}\)|\b0\d{1,5})(?:[ ./-]{0,3}\d{2,}){1,5}/g;
const germanStreet =
  /\b[\p{Lu}][\p{L}.-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee)(?: |, )?\d{1,4}[ ]?[a-zA-Z]?\b(?:,? \d{5} [\p{Lu}][\p{L}-]+)?|\b[\p{Lu}][\p{L}-]+ (?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm)(?: |, )?\d{1,4}[ ]?[a-zA-Z]?\b(?:,? \d{5} [\p{Lu}][\p{L}-]+)?/gu;
const englishStreet =
  /\b\d{1,5} (?:[A-Z][a-z]+ ){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Ln\.|Drive|Dr\.|Boulevard|Blvd\.|Way|Court|Close|Place|Terrace)(?=\W|$)/g;
const introduction =
  /\b(?:[Ii]ch bin|[Mm]ein Name ist|[Ii]ch heiße|[Ii]ch heisse|[Mm]y name is|[Tt]his is|[Hh]err|Frau|Mr\.?|Mrs\.?|Ms\.?|Dr\.)\s+((?:[\p{Lu}][\p{Ll}'-]+)(?:\s+[\p{Lu}][\p{Ll}'-]+)?)/gu;
/** Capitalised words after "ich bin" that are nouns, not names ("Ich bin Kunde seit 2019"). */
const notNames = new Set(
  'Kunde Kundin Stammkunde Stammkundin Neukunde Neukundin Mitglied Rentner Rentnerin Student Studentin Mutter Vater Fan Frau Herr Mann Besitzer Nutzer Nutzerin Inhaber Inhaberin Ihr Ihre Sehr Seit Schon Wirklich Echt Total Enttäuscht Begeistert Zufrieden Unzufrieden Froh Sauer Leider Gerade Jetzt Heute The A An Very Not So Really Just Still Your Customer Frustrated Happy Disappointed Absolutely Quite Also Bei Am Im Mit Der Die Das Ein Eine'.split(
    ' ',
  ),
);

const ibanLengths: Record<string, number> = {
  DE: 22,
  AT: 20,
  CH: 21,
  LI: 21,
  NL: 18,
  BE: 16,
  LU: 20,
  FR: 27,
  IT: 27,
  ES: 24,
  PT: 25,
  GB: 22,
  IE: 22,
  PL: 28,
  CZ: 24,
  SK: 24,
  DK: 18,
  SE: 24,
  NO: 15,
  FI: 18,
  HU: 28,
  SI: 19,
  HR: 21,
  GR: 27,
  EE: 20,
  LV: 21,
  LT: 20,
  MT: 31,
};

/** ISO 13616: move the first four characters to the end, letters → 10…35, the number mod 97 must be 1. */
export function isValidIban(candidate: string): boolean {
  const compact = candidate.replace(/ /g, '').toUpperCase();
  const expected = ibanLengths[compact.slice(0, 2)];
  if (expected !== undefined ? compact.length !== expected : compact.length < 15 || compact.length > 34)
    return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? code - 55 : code - 48;
    if (value < 0 || value > 35) return false;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

const digitCount = (s: string) => s.replace(/\D/g, '').length;

function collect(
  text: string,
  pattern: RegExp,
  kind: PiiKind,
  keep: (m: RegExpExecArray) => boolean = () => true,
) {
  const out: PiiSpan[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (keep(m)) out.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function names(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  introduction.lastIndex = 0;
  for (let m = introduction.exec(text); m !== null; m = introduction.exec(text)) {
    const name = m[1] as string;
    const first = name.split(/\s+/)[0] as string;
    if (notNames.has(first)) continue;
    const start = m.index + m[0].length - name.length;
    out.push({ kind: 'name', start, end: start + name.length });
  }
  return out;
}

/** Spans ordered by position; where two overlap, the one found by the more specific detector (earlier) wins. */
export function detectPii(text: string): PiiSpan[] {
  if (text.length === 0) return [];
  // Cheap pre-checks: most feedback has no "@" and few digits, so most detectors need not run at all.
  const hasDigits = /\d/.test(text);
  const found = [
    ...(text.includes('@') ? collect(text, email, 'email') : []),
    ...(hasDigits ? collect(text, iban, 'iban', (m) => isValidIban(m[0])) : []),
    ...(hasDigits ? collect(text, germanStreet, 'address') : []),
    ...(hasDigits ? collect(text, englishStreet, 'address') : []),
    ...(hasDigits
      ? collect(text, phone, 'phone', (m) => digitCount(m[0]) >= 7 && digitCount(m[0]) <= 15)
      : []),
    ...names(text),
  ];
  const kept: PiiSpan[] = [];
  for (const span of found) {
    if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function redact(text: string, spans: readonly PiiSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + redactionTags[span.kind];
    at = span.end;
  }
  return out + text.slice(at);
}
