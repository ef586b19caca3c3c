import { describe, expect, it } from 'vitest';
import { loadLabelledSet } from './labelled-set.js';
import { score } from './metrics.js';

describe('evaluation metrics', () => {
  it('computes accuracy and macro-F1 from the confusion matrix', () => {
    const result = score([
      { expected: 'positive', predicted: 'positive' },
      { expected: 'positive', predicted: 'neutral' },
      { expected: 'negative', predicted: 'negative' },
      { expected: 'neutral', predicted: 'negative' },
    ]);
    expect(result.accuracy).toBe(0.5);
    // F1: positive 2·1·0.5/1.5 = 2/3, negative 2·0.5·1/1.5 = 2/3, neutral 0 → macro 4/9.
    expect(result.macroF1).toBeCloseTo(4 / 9, 10);
  });

  it('ships at least 150 labelled verbatims per language in each split', () => {
    for (const language of ['de', 'en'] as const) {
      for (const split of ['dev', 'eval'] as const) {
        const set = loadLabelledSet(language, split);
        expect(set.length).toBeGreaterThanOrEqual(150);
        expect(new Set(set.map((s) => s.label))).toEqual(new Set(['negative', 'neutral', 'positive']));
      }
    }
  });
});
