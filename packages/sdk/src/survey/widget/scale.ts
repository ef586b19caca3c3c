import type { Question } from '../types.js';
import { fillIn, type UiLabels } from './labels.js';

export interface ScalePoint {
  value: number;
  /** What is drawn (a number, a star, a face). */
  visible: string;
  /** The accessible name when `visible` is a symbol; undefined when the number speaks for itself. */
  spoken?: string;
}

type ScaleQuestion = Extract<Question, { type: 'nps' | 'csat' | 'ces' | 'rating' }>;

const smileys = ['😠', '🙁', '😐', '🙂', '😀'];

export const isScaleQuestion = (question: Question): question is ScaleQuestion =>
  question.type === 'nps' ||
  question.type === 'csat' ||
  question.type === 'ces' ||
  question.type === 'rating';

/** Rating scales beyond 0–10 cannot be laid out on a phone; the definition is clamped, not rejected. */
const clamp = (value: number | undefined, fallback: number): number =>
  Math.min(10, Math.max(0, Math.round(value ?? fallback) || fallback));

/** NPS is 0–10 (Reichheld), CSAT 1–5, CES 1–7 (CES 2.0), rating `min` (default 1) to `max` (or `scale`). */
export function scalePoints(question: ScaleQuestion, labels: UiLabels): ScalePoint[] {
  const [min, max] =
    question.type === 'nps'
      ? [0, 10]
      : question.type === 'csat'
        ? [1, 5]
        : question.type === 'ces'
          ? [1, 7]
          : [
              clamp(question.min, 1),
              Math.max(clamp(question.min, 1) + 1, clamp(question.max ?? question.scale, 5)),
            ];
  const points: ScalePoint[] = [];
  for (let value = min; value <= max; value++) {
    const symbol =
      question.type === 'csat' && question.style === 'smileys'
        ? smileys[value - 1]
        : question.type === 'csat' && question.style === 'stars'
          ? '★'
          : undefined;
    points.push(
      symbol
        ? { value, visible: symbol, spoken: fillIn(labels.scalePoint, { n: value, max }) }
        : { value, visible: String(value) },
    );
  }
  return points;
}
