/**
 * Language detection for German and English feedback; anything else is `unknown`, never guessed.
 * franc-min (MIT, trigram profiles) decides among a candidate list that also holds the languages we must NOT
 * confuse with ours (French, Spanish, Italian, Dutch, Portuguese), so a French verbatim comes out as French and
 * therefore `unknown` rather than as the closer of German or English. Trigrams are unreliable on short texts, so
 * a vote of German and English function words overrules a foreign verdict when it is clear, and decides alone
 * below `trigramMinLength`; when it ties, known opinion words ("schnell", "unreliable") break the tie.
 */
import { franc } from 'franc-min';
import { germanLexicon } from './lexicon-de.js';
import { englishLexicon } from './lexicon-en.js';

export type Language = 'de' | 'en';
export type DetectedLanguage = Language | 'unknown';

const candidates = ['deu', 'eng', 'fra', 'spa', 'ita', 'nld', 'por'];
const trigramMinLength = 40;
/** franc's cost grows with the text; the first few hundred characters carry enough trigrams to decide. */
const trigramSampleLength = 160;

const stopWords: Record<Language, ReadonlySet<string>> = {
  de: new Set(
    'der die das und ist nicht nich ein eine ich es war mit zu sehr aber auf für fuer den dem des im sie wir hat habe hab mir mich bei noch gut schlecht kein keine auch nur schon wie sind wurde immer leider danke toll super ganz von bis zum zur vom man wird mein meine hier dann als nach über dass weil oder wenn euch ihr uns einen einem nie alles nichts'.split(
      ' ',
    ),
  ),
  en: new Set(
    "the and is not a an i it was with to very but on for of in my we they have has had me at still good bad no was were this that are be so too really thanks great just always never you your from after all what could would can only been did didnt dont doesnt it's i'm i've".split(
      ' ',
    ),
  ),
};

function vote(
  words: readonly string[],
  lists: Record<Language, ReadonlySet<string> | ReadonlyMap<string, number>>,
) {
  let de = 0;
  let en = 0;
  for (const w of words) {
    if (lists.de.has(w)) de++;
    if (lists.en.has(w)) en++;
  }
  return { de, en };
}

const winner = ({ de, en }: { de: number; en: number }): DetectedLanguage =>
  de === en ? 'unknown' : de > en ? 'de' : 'en';

/** At least two function words and twice as many as the other language's. */
const clearly = ({ de, en }: { de: number; en: number }): DetectedLanguage =>
  de >= 2 && de >= 2 * en ? 'de' : en >= 2 && en >= 2 * de ? 'en' : 'unknown';

function overwhelmingly({ de, en }: { de: number; en: number }, wordCount: number): DetectedLanguage {
  const decides = (mine: number, other: number) => mine >= 3 && mine >= wordCount / 3 && other * 3 <= mine;
  return decides(de, en) ? 'de' : decides(en, de) ? 'en' : 'unknown';
}

/** German-only letters settle short texts that share stop words ("super", "war"). */
const germanLetters = /[äöüß]/i;

export function detectLanguage(text: string, words: readonly string[]): DetectedLanguage {
  if (words.length === 0) return 'unknown';
  const functionWords = vote(words, stopWords);
  // Overwhelming function-word evidence decides without trigrams (franc is the costliest step of enrichment);
  // a third of all words is far above what a Dutch or French text shares with German or English.
  const overwhelming = overwhelmingly(functionWords, words.length);
  if (overwhelming !== 'unknown') return overwhelming;
  if (text.length >= trigramMinLength) {
    const code = franc(text.slice(0, trigramSampleLength), { only: candidates, minLength: 10 });
    if (code === 'deu') return 'de';
    if (code === 'eng') return 'en';
    if (code !== 'und') {
      const byFunctionWords = clearly(functionWords);
      return byFunctionWords !== 'unknown'
        ? byFunctionWords
        : clearly(vote(words, { de: germanLexicon, en: englishLexicon }));
    }
  }
  const byFunctionWords = winner(functionWords);
  if (byFunctionWords !== 'unknown') return byFunctionWords;
  if (germanLetters.test(text)) return 'de';
  return winner(vote(words, { de: germanLexicon, en: englishLexicon }));
}
