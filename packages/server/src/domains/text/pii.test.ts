import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTopics } from './default-taxonomy.js';
import { enrichText } from './enrich.js';
import { detectPii, isValidIban, redact } from './pii.js';
import { compileTaxonomy } from './taxonomy.js';

const redacted = (text: string) => redact(text, detectPii(text));

describe('PII redaction', () => {
  it('redacts e-mail addresses', () => {
    expect(redacted('Schreibt mir an max.mustermann+shop@example.co.uk bitte.')).toBe(
      'Schreibt mir an [E-MAIL] bitte.',
    );
  });

  it('redacts German and international phone numbers', () => {
    expect(redacted('Ruft mich an: 0171 1234567.')).toBe('Ruft mich an: [PHONE].');
    expect(redacted('Tel. (030) 12345678 oder +49 30 1234 5678')).toBe('Tel. [PHONE] oder [PHONE]');
    expect(redacted('Call me on +44 20 7946 0958 please')).toBe('Call me on [PHONE] please');
    expect(redacted('0049-89-123456 ist meine Nummer')).toBe('[PHONE] ist meine Nummer');
  });

  it('leaves short numbers, prices and dates alone', () => {
    const text = 'Bestellung 4711 vom 12.03.2024 kostete 49,99 € und kam nach 3 Tagen.';
    expect(detectPii(text)).toEqual([]);
  });

  it('redacts IBANs only when the mod-97 checksum holds', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(redacted('IBAN: DE89370400440532013000, danke')).toBe('IBAN: [IBAN], danke');
    expect(detectPii('IBAN: DE89370400440532013001').some((s) => s.kind === 'iban')).toBe(false);
  });

  it('redacts German and English street addresses', () => {
    expect(redacted('Bitte an Hauptstraße 5, 10115 Berlin liefern.')).toBe('Bitte an [ADDRESS] liefern.');
    expect(redacted('Ich wohne in der Berliner Str. 12a.')).toBe('Ich wohne in der [ADDRESS].');
    expect(redacted('Delivered to 221 Baker Street yesterday')).toBe('Delivered to [ADDRESS] yesterday');
  });

  it('redacts names after an introduction or a salutation, not nouns', () => {
    expect(redacted('Mein Name ist Anna Schmidt und ich bin sauer.')).toBe(
      'Mein Name ist [NAME] und ich bin sauer.',
    );
    expect(redacted('Herr Meier an der Kasse war toll.')).toBe('Herr [NAME] an der Kasse war toll.');
    expect(redacted('My name is John Smith.')).toBe('My name is [NAME].');
    expect(redacted('Mrs Jones was very helpful')).toBe('Mrs [NAME] was very helpful');
    expect(redacted('Ich bin Kunde seit 2019.')).toBe('Ich bin Kunde seit 2019.');
  });

  it('returns spans in order that point at the personal data', () => {
    const text = 'Anna (anna@example.de) Tel 0171 1234567';
    const spans = detectPii(text);
    expect(spans.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ['email', 'anna@example.de'],
      ['phone', '0171 1234567'],
    ]);
  });
});

describe('enrichment properties', () => {
  const taxonomy = compileTaxonomy({ version: 0, topics: [...defaultTopics] });
  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'nicht gut',
      'not bad',
      'aber',
      'but',
      '😡',
      'sehr',
      ', ',
      '. ',
      '!',
      'Lieferverzögerung',
      'Herr Meier',
      'a.b@c.de',
      '+49 171 1234567',
      'DE89 3704 0044 0532 0130 00',
      'Hauptstraße 5',
      '12 Main Street',
      'Mein Name ist',
    ),
  );
  const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(' '));

  it('never throws, and redaction removes every detected span', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = enrichText(input, taxonomy);
        expect(['de', 'en', 'unknown']).toContain(result.language);
        expect(Math.abs(result.sentiment.score)).toBeLessThanOrEqual(1);
        let previousEnd = 0;
        for (const span of result.pii) {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(span.end).toBeGreaterThan(span.start);
          previousEnd = span.end;
        }
        // Rebuilding the redacted text from the spans proves each span (and nothing else) was replaced.
        const kept = result.pii.reduce<{ at: number; out: string }>(
          (acc, s) => ({ at: s.end, out: `${acc.out}${input.slice(acc.at, s.start)}\u0000` }),
          { at: 0, out: '' },
        );
        expect(result.redacted.replace(/\[(E-MAIL|PHONE|IBAN|ADDRESS|NAME)\]/g, '\u0000')).toBe(
          kept.out + input.slice(kept.at),
        );
        // Nothing redaction left behind is still recognisable as an e-mail address or an IBAN.
        expect(detectPii(result.redacted).filter((s) => s.kind === 'email' || s.kind === 'iban')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
