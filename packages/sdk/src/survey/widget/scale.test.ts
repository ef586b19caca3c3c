import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../types.js';
import { fillIn, uiLabels } from './labels.js';
import { scalePoints } from './scale.js';

const definition: SurveyDefinition = { questions: [], end: { title: 'Danke' } };
const en = uiLabels('en', definition);

describe('scale points', () => {
  it('NPS is 0–10, CES 1–7, CSAT 1–5, rating 1–scale', () => {
    const values = (points: { value: number }[]) => points.map((p) => p.value);
    expect(values(scalePoints({ id: 'a', type: 'nps', title: 'A' }, en))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(values(scalePoints({ id: 'a', type: 'ces', title: 'A' }, en))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(values(scalePoints({ id: 'a', type: 'csat', title: 'A' }, en))).toEqual([1, 2, 3, 4, 5]);
    expect(values(scalePoints({ id: 'a', type: 'rating', title: 'A', scale: 4 }, en))).toEqual([1, 2, 3, 4]);
    expect(scalePoints({ id: 'a', type: 'rating', title: 'A', scale: 99 }, en)).toHaveLength(10);
  });

  it('gives symbols a spoken name in the survey language and leaves numbers to speak for themselves', () => {
    const stars = scalePoints({ id: 'a', type: 'csat', title: 'A', style: 'stars' }, en);
    expect(stars[0]).toEqual({ value: 1, visible: '★', spoken: '1 of 5' });
    const faces = scalePoints(
      { id: 'a', type: 'csat', title: 'A', style: 'smileys' },
      uiLabels('de-AT', definition),
    );
    expect(faces[4]).toEqual({ value: 5, visible: '😀', spoken: '5 von 5' });
    expect(scalePoints({ id: 'a', type: 'nps', title: 'A' }, en)[0]).toEqual({ value: 0, visible: '0' });
  });
});

describe('widget labels', () => {
  it('uses German for de locales, English otherwise, and the author’s overrides', () => {
    expect(uiLabels('de-DE', definition).next).toBe('Weiter');
    expect(uiLabels('fr', definition).next).toBe('Next');
    expect(uiLabels(undefined, definition).next).toBe('Next');
    expect(uiLabels('de', { ...definition, labels: { next: 'Nächste Frage', submit: '' } })).toMatchObject({
      next: 'Nächste Frage',
      submit: 'Absenden',
    });
  });

  it('fills in placeholders and leaves unknown ones', () => {
    expect(fillIn('Frage {n} von {total}', { n: 2, total: 5 })).toBe('Frage 2 von 5');
    expect(fillIn('{n} {unknown}', { n: 1 })).toBe('1 {unknown}');
  });
});
