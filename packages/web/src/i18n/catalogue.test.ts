import { describe, expect, it } from 'vitest';
import { catalogueProblems, flattenCatalogue } from './catalogue-check';
import { de, en } from './resources';

describe('i18n catalogues', () => {
  it('hold the same keys in German and English, none empty, with the same placeholders', () => {
    expect(catalogueProblems({ de, en })).toEqual([]);
  });

  it('are checked strictly enough to catch a missing key, an empty text and a lost placeholder', () => {
    const problems = catalogueProblems({
      de: { a: { b: 'B', c: 'Hallo {{name}}' }, d: '' },
      en: { a: { b: 'B', c: 'Hello' }, e: 'E' },
    });
    expect(problems).toEqual([
      'de: missing key e',
      'en: missing key d',
      'de: empty text at d',
      'en: placeholders of a.c differ from de ({{name}} vs none)',
    ]);
  });

  it('flattens nested keys with dots', () => {
    expect(flattenCatalogue({ a: { b: 'x' }, c: 'y' })).toEqual(
      new Map([
        ['a.b', 'x'],
        ['c', 'y'],
      ]),
    );
  });
});
