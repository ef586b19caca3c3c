/**
 * Finds a word's valence: exact entry, then the entry without an inflection ending (German adjectives: gut →
 * gute/guten/guter; English: -s/-ed/-ly), then, for German, the longest known head of a compound
 * (Lieferverzögerung → Verzögerung; the head carries the meaning in German compounds). Results are cached per word
 * so each distinct word is analysed once.
 */
import type { Language } from './language.js';
import { germanLexicon } from './lexicon-de.js';
import { englishLexicon } from './lexicon-en.js';

const lexicons: Record<Language, ReadonlyMap<string, number>> = { de: germanLexicon, en: englishLexicon };
const endings: Record<Language, readonly string[]> = {
  de: ['e', 'en', 'er', 'es', 'em', 'n', 's', 'ste', 'sten', 'ster'],
  en: ['s', 'es', 'ed', 'd', 'ly', 'ing'],
};
/** Heads and modifiers shorter than this are too ambiguous to split on ("gut" inside "Guthaben"). */
const minimumPart = 4;
// Verb prefixes ("aus", "ver") are not modifiers: "ausgefallen" must not read as "gefallen".
const cacheLimit = 50_000;
const caches: Record<Language, Map<string, number>> = { de: new Map(), en: new Map() };

function inflected(word: string, language: Language): number | undefined {
  const lexicon = lexicons[language];
  const exact = lexicon.get(word);
  if (exact !== undefined) return exact;
  for (const ending of endings[language]) {
    if (word.length - ending.length >= 3 && word.endsWith(ending)) {
      const stem = lexicon.get(word.slice(0, -ending.length));
      if (stem !== undefined) return stem;
    }
  }
  return undefined;
}

/** The valence of the longest known head of a German compound, or undefined. */
function compoundHead(word: string): number | undefined {
  for (let cut = minimumPart; cut <= word.length - minimumPart; cut++) {
    const head = inflected(word.slice(cut), 'de');
    if (head !== undefined) return head;
  }
  return undefined;
}

export function valence(word: string, language: Language): number {
  const cache = caches[language];
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let score = inflected(word, language);
  if (score === undefined && language === 'de' && word.length >= 2 * minimumPart - 1)
    score = compoundHead(word);
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(word, score ?? 0);
  return score ?? 0;
}
