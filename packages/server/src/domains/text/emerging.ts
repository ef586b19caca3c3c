/**
 * Emerging topics: key phrases (one and two content words, stop words and opinion words removed, lightly
 * stemmed) that the taxonomy does not cover, counted once per verbatim in a window and compared with the window
 * of the same length just before it. Works on redacted text only, so no personal data becomes a "topic".
 */
import { detectLanguage } from './language.js';
import { valence } from './lexicon-lookup.js';
import { negators } from './rules.js';
import type { CompiledTaxonomy } from './taxonomy.js';
import { tokens } from './tokenize.js';

export interface EmergingPhrase {
  phrase: string;
  current: number;
  previous: number;
  /** (current + 1) / (previous + 1): add-one smoothing so a phrase new in this window has finite growth. */
  growth: number;
}

const extraStopWords = new Set(
  `der die das den dem des ein eine einen einem einer und oder aber ist sind war waren wurde wurden bin bist hat habe
  hab haben hatte hatten ich du er sie es wir ihr mir mich mein meine meinen dir dich euch uns sich mit von zu zum
  zur im in am an auf aus bei für fuer über nach vor seit bis als wie so auch noch schon nur sehr dann da dass weil
  wenn man mal doch ja was wer wo hier dort jetzt heute gestern immer wieder alles etwas diese dieser dieses kann
  konnte muss musste will wollte soll sollte würde wäre ganz mehr viel the a an and or but is are was were be been
  being have has had i you he she it we they me my your our their to of in on at for with from by as so too very
  just also still again then than that this these those there here what which who when where how can could would
  should will did do does got get i'm i've it's one two three after before about into out up`.split(/\s+/),
);

const isTag = /\[[A-Z-]+\]/g;

function stem(word: string): string {
  for (const ending of ['ungen', 'ing', 'en', 'er', 'es', 'ed', 'e', 'n', 's']) {
    if (word.length - ending.length >= 4 && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/** Stop words and negators are skipped inside a phrase ("Gutscheincode nicht akzeptiert" → "gutscheincod akzeptiert"). */
function isSkipped(word: string): boolean {
  return (
    word.length < 3 ||
    /^\d/.test(word) ||
    extraStopWords.has(word) ||
    negators.de.has(word) ||
    negators.en.has(word)
  );
}

/** Stem keys of the key phrases in one verbatim, each once, with a surface form for display. */
export function keyPhrases(text: string, taxonomy: CompiledTaxonomy): Map<string, string> {
  const words = tokens(text.replace(isTag, ' , '));
  const german = detectLanguage(text, words) === 'de';
  const out = new Map<string, string>();
  let run: { word: string; key: string }[] = [];
  const flush = () => {
    run.forEach((w, i) => {
      out.set(w.key, w.word);
      const next = run[i + 1];
      if (next) out.set(`${w.key} ${next.key}`, `${w.word} ${next.word}`);
    });
    run = [];
  };
  // Punctuation, opinion words and words a topic already covers end a phrase.
  for (const w of words) {
    if (!/\p{L}/u.test(w)) flush();
    else if (isSkipped(w)) continue;
    else if (valence(w, german ? 'de' : 'en') !== 0 || taxonomy.topicIdsOf(w, german).length > 0) flush();
    else run.push({ word: w, key: stem(w) });
  }
  flush();
  return out;
}

function documentFrequencies(texts: readonly string[], taxonomy: CompiledTaxonomy) {
  const counts = new Map<string, { n: number; surface: string }>();
  for (const text of texts) {
    for (const [key, surface] of keyPhrases(text, taxonomy)) {
      const entry = counts.get(key) ?? { n: 0, surface };
      entry.n++;
      counts.set(key, entry);
    }
  }
  return counts;
}

export function emergingPhrases(
  current: readonly string[],
  previous: readonly string[],
  taxonomy: CompiledTaxonomy,
  options: { minCount: number; limit: number },
): EmergingPhrase[] {
  const now = documentFrequencies(current, taxonomy);
  const before = documentFrequencies(previous, taxonomy);
  const candidates = [...now]
    .filter(([, { n }]) => n >= options.minCount)
    .map(([key, { n, surface }]) => {
      const prior = before.get(key)?.n ?? 0;
      return { key, phrase: surface, current: n, previous: prior, growth: (n + 1) / (prior + 1) };
    })
    .filter((p) => p.growth > 1);
  // A single word that only ever appears inside one of the listed two-word phrases adds nothing.
  const pairs = candidates.filter((p) => p.key.includes(' '));
  return candidates
    .filter(
      (p) =>
        p.key.includes(' ') ||
        !pairs.some((q) => q.current === p.current && q.key.split(' ').includes(p.key)),
    )
    .sort(
      (a, b) =>
        b.current - b.previous - (a.current - a.previous) ||
        b.current - a.current ||
        a.key.localeCompare(b.key),
    )
    .slice(0, options.limit)
    .map(({ phrase, current: c, previous: p, growth }) => ({
      phrase,
      current: c,
      previous: p,
      growth: Math.round(growth * 100) / 100,
    }));
}
