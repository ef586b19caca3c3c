import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CairnError } from '../../errors/catalogue.js';
import {
  normaliseEmail,
  passwordMinLength,
  sameEmail,
  supportedLocales,
  validateLocale,
  validatePassword,
  validateTimeZone,
} from './validation.js';

/** The field a validation error names, or null when `run` did not throw one. */
function rejectedField(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof CairnError) || error.code !== 'CAIRN_VALIDATION_FAILED') throw error;
    return (error.details as { field: string }[])[0]?.field ?? '';
  }
}

const whitespace = fc.constantFrom(' ', '\t', '\n', '  ');
const addressPart = fc.stringMatching(/^[A-Za-z0-9._%+-]{1,30}$/);
const address = fc.tuple(addressPart, addressPart).map(([local, domain]) => `${local}@${domain}`);

describe('normaliseEmail', () => {
  it('trims surrounding white space and keeps the rest as typed', () => {
    fc.assert(
      fc.property(address, fc.array(whitespace), fc.array(whitespace), (a, before, after) => {
        expect(normaliseEmail(`${before.join('')}${a}${after.join('')}`)).toBe(a);
      }),
    );
  });

  it('is idempotent, and case never makes two addresses different', () => {
    fc.assert(
      fc.property(address, (a) => {
        const once = normaliseEmail(a);
        expect(normaliseEmail(once)).toBe(once);
        expect(sameEmail(once.toUpperCase(), ` ${once.toLowerCase()} `)).toBe(true);
      }),
    );
  });

  it('rejects anything without exactly one @ between non-blank parts, naming the field', () => {
    const noAt = fc.string().filter((s) => !s.includes('@'));
    const innerSpace = fc.tuple(addressPart, addressPart, addressPart).map(([a, b, c]) => `${a} ${b}@${c}`);
    const twoAts = fc.tuple(address, addressPart).map(([a, b]) => `${a}@${b}`);
    fc.assert(
      fc.property(fc.oneof(noAt, innerSpace, twoAts), (raw) => {
        expect(rejectedField(() => normaliseEmail(raw))).toBe('body.email');
      }),
    );
  });
});

describe('validateTimeZone', () => {
  const zones = Intl.supportedValuesOf('timeZone');

  it('keeps every zone of the engine list unchanged, and fixes only the case of a miscased one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.boolean(), (zone, lower) => {
        expect(validateTimeZone(lower ? zone.toLowerCase() : zone)).toBe(zone);
      }),
    );
  });

  it('rejects UTC offsets, which ignore daylight saving time', () => {
    const offset = fc
      .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom('00', '30', '45'))
      .map(([sign, h, m]) => `${sign}${String(h).padStart(2, '0')}:${m}`);
    fc.assert(
      fc.property(offset, (raw) => {
        expect(rejectedField(() => validateTimeZone(raw))).toBe('body.timeZone');
      }),
    );
  });

  it('either returns a zone the engine accepts or rejects with a validation error, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z]{1,10}\/[A-Za-z_]{1,12}$/)), (raw) => {
        const field = rejectedField(() => validateTimeZone(raw));
        if (field === null) {
          const accepted = validateTimeZone(raw);
          expect(() => new Intl.DateTimeFormat('en', { timeZone: accepted })).not.toThrow();
        } else {
          expect(field).toBe('body.timeZone');
        }
      }),
    );
  });

  it('accepts the names people use that older ICU data lists under former names', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'Asia/Kolkata', 'Europe/Kyiv'])
      expect(validateTimeZone(zone)).toBe(zone);
  });
});

describe('validateLocale', () => {
  it('accepts exactly the shipped languages', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const field = rejectedField(() => validateLocale(raw));
        expect(field === null).toBe((supportedLocales as readonly string[]).includes(raw));
        if (field !== null) expect(field).toBe('body.defaultLocale');
      }),
    );
  });
});

describe('validatePassword', () => {
  it(`needs at least ${passwordMinLength} characters and accepts anything that long`, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const field = rejectedField(() => validatePassword(raw));
        expect(field === null).toBe(raw.length >= passwordMinLength);
      }),
    );
  });
});
