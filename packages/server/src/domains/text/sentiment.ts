/**
 * Rule-based sentiment after VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment
 * Analysis of Social Media Text"): lexicon valences, negation (×−0.74), boosters/downtoners, contrast ("but":
 * clause before ×0.5, clause after ×1.5), emphasis by "!" (+0.292 each, at most 4), and the normalisation
 * score = sum / √(sum² + 15) into −1…1.
 */
import type { Language } from './language.js';
import { germanPhrases } from './lexicon-de.js';
import { englishPhrases } from './lexicon-en.js';
import { valence } from './lexicon-lookup.js';
import { contrastWords, emojiValence, expectationWords, negators, scalers } from './rules.js';
import { clauses } from './tokenize.js';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export interface Sentiment {
  label: SentimentLabel;
  score: number;
}

const phrases: Record<Language, ReadonlyMap<string, number>> = { de: germanPhrases, en: englishPhrases };
/** First words of phrases: most words start none, so the joins in phraseAt are skipped for them. */
const phraseStarts: Record<Language, ReadonlySet<string>> = {
  de: new Set([...germanPhrases.keys()].map((p) => p.split(' ')[0] as string)),
  en: new Set([...englishPhrases.keys()].map((p) => p.split(' ')[0] as string)),
};
const negationScalar = -0.74;
const negatedExpectation = -1.8;
const exclamationBoost = 0.292;
const negationWindow = 3;
/** Scores within ±this are neutral (chosen on the development split; see domains/text/eval). */
export const neutralBand = 0.25;

export function normalise(sum: number): number {
  return sum / Math.sqrt(sum * sum + 15);
}

export function labelOf(score: number): SentimentLabel {
  if (score >= neutralBand) return 'positive';
  if (score <= -neutralBand) return 'negative';
  return 'neutral';
}

export function sentimentOf(sum: number): Sentiment {
  const score = Math.round(normalise(sum) * 1000) / 1000;
  return { label: labelOf(score), score };
}

const isBarrier = (t: string) => t === ',' || t === ';';

function negatedBefore(words: readonly string[], i: number, language: Language): boolean {
  for (let j = i - 1; j >= 0 && j >= i - negationWindow; j--) {
    const w = words[j] as string;
    if (isBarrier(w)) return false;
    if (negators[language].has(w)) return true;
  }
  return false;
}

/** German puts "nicht" after the verb ("gefällt mir nicht", "funktioniert nicht"). */
function negatedAfter(words: readonly string[], i: number): boolean {
  for (let j = i + 1; j < words.length && j <= i + negationWindow; j++) {
    const w = words[j] as string;
    if (isBarrier(w)) return false;
    if (w === 'nicht' || w === 'nie' || w === 'niemals') return true;
  }
  return false;
}

function scaling(words: readonly string[], i: number, language: Language): number {
  let factor = 1;
  const previous = scalers[language].get(words[i - 1] ?? '');
  if (previous !== undefined) factor *= previous;
  const beforeThat = scalers[language].get(words[i - 2] ?? '');
  if (beforeThat !== undefined) factor *= 1 + (beforeThat - 1) * 0.95;
  return factor;
}

/** Phrase of up to four words starting at i, longest first. */
function phraseAt(words: readonly string[], i: number, language: Language): [number, number] | null {
  if (!phraseStarts[language].has(words[i] as string)) return null;
  for (let n = 4; n >= 2; n--) {
    if (i + n > words.length) continue;
    const score = phrases[language].get(words.slice(i, i + n).join(' '));
    if (score !== undefined) return [score, n];
  }
  return null;
}

/** The raw (unnormalised) valence sum of one segment, "!" excluded (they count once per sentence). */
export function segmentSum(words: readonly string[], language: Language): number {
  let sum = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const phrase = phraseAt(words, i, language);
    if (phrase) {
      sum += phrase[0] * scaling(words, i, language);
      i += phrase[1] - 1;
      continue;
    }
    const emoji = emojiValence.get(w);
    if (emoji !== undefined) {
      sum += emoji;
      continue;
    }
    const negated = negatedBefore(words, i, language) || (language === 'de' && negatedAfter(words, i));
    if (expectationWords[language].has(w)) {
      if (negated) sum += negatedExpectation;
      continue;
    }
    // A booster modifies the next word ("super schnell") unless nothing opinionated follows ("…, super!").
    if (scalers[language].has(w) && valence(words[i + 1] ?? '', language) !== 0) continue;
    const v = valence(w, language);
    if (v === 0) continue;
    sum += v * scaling(words, i, language) * (negated ? negationScalar : 1);
  }
  return sum;
}

export interface ScoredSegment {
  words: string[];
  /** The segment's own sum, before contrast weighting. */
  sum: number;
}

export interface ScoredSentence {
  segments: ScoredSegment[];
  /** Contrast-weighted sum with the "!" emphasis. */
  sum: number;
}

/**
 * Scores a sentence by segments (split at "," ";" and contrast words). VADER's "but" rule: segments before the
 * last contrast word count half, the ones from it on 1.5 times.
 */
export function scoreSentence(words: readonly string[], language: Language): ScoredSentence {
  const segments = clauses(words, contrastWords[language]).map((part) => ({
    words: part,
    sum: segmentSum(part, language),
  }));
  let lastContrast = -1;
  segments.forEach((segment, k) => {
    if (k > 0 && contrastWords[language].has(segment.words[0] as string)) lastContrast = k;
  });
  let sum = 0;
  segments.forEach((segment, k) => {
    sum += segment.sum * (lastContrast < 0 ? 1 : k < lastContrast ? 0.5 : 1.5);
  });
  let exclamations = 0;
  for (const w of words) if (w === '!') exclamations++;
  if (sum !== 0) sum += Math.sign(sum) * Math.min(exclamations, 4) * exclamationBoost;
  return { segments, sum };
}

export function startsWithContrast(words: readonly string[], language: Language): boolean {
  return words.length > 0 && contrastWords[language].has(words[0] as string);
}
