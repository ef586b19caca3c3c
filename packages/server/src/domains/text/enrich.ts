/**
 * The seam to the rest of Cairn: one pure, synchronous function from a verbatim and a compiled taxonomy to its
 * enrichment (language, sentiment of the whole and of each sentence, topics with their own sentiment, personal
 * data spans and the redacted text). No I/O, no clock: the same input always gives the same output.
 */
import { type DetectedLanguage, detectLanguage, type Language } from './language.js';
import { detectPii, type PiiSpan, redact } from './pii.js';
import { emojiValence } from './rules.js';
import {
  type ScoredSentence,
  type Sentiment,
  scoreSentence,
  sentimentOf,
  startsWithContrast,
} from './sentiment.js';
import { type CompiledTaxonomy, topicsIn } from './taxonomy.js';
import { sentences as splitSentences, tokens } from './tokenize.js';

export interface SentenceEnrichment {
  start: number;
  end: number;
  sentiment: Sentiment;
}

export interface TopicMention {
  id: string;
  sentiment: Sentiment;
  /** How many sentence segments mention the topic. */
  mentions: number;
}

export interface Enrichment {
  language: DetectedLanguage;
  sentiment: Sentiment;
  sentences: SentenceEnrichment[];
  topics: TopicMention[];
  pii: PiiSpan[];
  redacted: string;
}

/** Longer texts are cut here: feedback beyond it is rare, and the bound keeps enrichment fast on hostile input. */
export const maximumTextLength = 10_000;

function emojiOnlySum(words: readonly string[]): number {
  let sum = 0;
  for (const w of words) sum += emojiValence.get(w) ?? 0;
  return sum;
}

function score(words: readonly string[], language: DetectedLanguage): ScoredSentence {
  if (language !== 'unknown') return scoreSentence(words, language);
  const sum = emojiOnlySum(words);
  return { segments: [{ words: [...words], sum }], sum };
}

/**
 * A topic takes the sentiment of its segment; a neutral segment ("die Hotline war | aber super freundlich",
 * "the parcel, | which came Monday, | was damaged") takes the next opinionated segment's, else the sentence's.
 */
function topicSum(sentence: ScoredSentence, k: number): number {
  for (let j = k; j < sentence.segments.length; j++) {
    const sum = (sentence.segments[j] as ScoredSentence['segments'][number]).sum;
    if (sum !== 0) return sum;
  }
  return sentence.sum;
}

export function enrichText(input: string, taxonomy: CompiledTaxonomy): Enrichment {
  const text = input.length > maximumTextLength ? input.slice(0, maximumTextLength) : input;
  const parts = splitSentences(text).map((s) => ({ ...s, words: tokens(s.text) }));
  const language = detectLanguage(
    text,
    parts.flatMap((p) => p.words),
  );
  const german = language === 'de';
  const topicSums = new Map<string, { sum: number; mentions: number }>();
  const sentenceSums: number[] = [];
  for (const part of parts) {
    const sentence = score(part.words, language);
    sentenceSums.push(sentence.sum);
    for (let k = 0; k < sentence.segments.length; k++) {
      const segment = sentence.segments[k] as ScoredSentence['segments'][number];
      const ids = topicsIn(segment.words, taxonomy, german);
      if (ids.size === 0) continue;
      const sum = topicSum(sentence, k);
      for (const id of ids) {
        const entry = topicSums.get(id) ?? { sum: 0, mentions: 0 };
        entry.sum += sum;
        entry.mentions++;
        topicSums.set(id, entry);
      }
    }
  }
  // Contrast across sentences: "Schnelle Lieferung. Aber die Ware war kaputt." weighs the second sentence more.
  let total = 0;
  for (let i = 0; i < parts.length; i++) {
    const next = parts[i + 1];
    const current = parts[i] as (typeof parts)[number];
    let weight = 1;
    if (language !== 'unknown' && startsWithContrast(current.words, language as Language)) weight = 1.5;
    else if (language !== 'unknown' && next && startsWithContrast(next.words, language as Language))
      weight = 0.5;
    total += (sentenceSums[i] as number) * weight;
  }
  const pii = detectPii(text);
  return {
    language,
    sentiment: sentimentOf(total),
    sentences: parts.map((p, i) => ({
      start: p.start,
      end: p.end,
      sentiment: sentimentOf(sentenceSums[i] as number),
    })),
    topics: [...topicSums].map(([id, { sum, mentions }]) => ({
      id,
      sentiment: sentimentOf(sum / mentions),
      mentions,
    })),
    pii,
    redacted: redact(text, pii),
  };
}
