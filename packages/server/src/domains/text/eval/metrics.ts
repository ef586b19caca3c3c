/** Accuracy and macro-F1 (unweighted mean of the per-class F1 = 2PR/(P+R); a class never predicted has P = 0). */
import type { SentimentLabel } from '../sentiment.js';

export const classes: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<SentimentLabel, { precision: number; recall: number; f1: number }>;
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
}

export function score(pairs: readonly { expected: SentimentLabel; predicted: SentimentLabel }[]): Scores {
  const confusion = Object.fromEntries(
    classes.map((c) => [c, Object.fromEntries(classes.map((p) => [p, 0]))]),
  ) as Scores['confusion'];
  for (const { expected, predicted } of pairs) confusion[expected][predicted]++;
  const perClass = {} as Scores['perClass'];
  let correct = 0;
  for (const c of classes) {
    const truePositives = confusion[c][c];
    correct += truePositives;
    const predicted = classes.reduce((sum, e) => sum + confusion[e][c], 0);
    const actual = classes.reduce((sum, p) => sum + confusion[c][p], 0);
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = actual === 0 ? 0 : truePositives / actual;
    perClass[c] = {
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    };
  }
  return {
    n: pairs.length,
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    macroF1: classes.reduce((sum, c) => sum + perClass[c].f1, 0) / classes.length,
    perClass,
    confusion,
  };
}
