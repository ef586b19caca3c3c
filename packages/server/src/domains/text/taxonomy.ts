/**
 * A workspace's topic taxonomy and how a text is matched against it. Keywords are lower-case stems in either
 * language: a keyword of four letters or more matches any word that starts with it ("liefer" → Lieferung,
 * geliefert is matched by "geliefert"), and in German also a compound that ends with or contains it
 * ("Kundenservicehotline" starts with "kundenservice" and ends with "hotline"); shorter keywords ("app") match whole words
 * only (plural "s" allowed), so "app" never matches "happy". A German word may also END with a keyword plus at most
three letters of inflection, which splits compounds into modifier and head ("Lieferverzögerung" is Lieferung by
its modifier and Wartezeit by its head "verzögerung"). Keywords with a space, and phrases, match word by word.
 */

export interface Topic {
  id: string;
  name: { de: string; en: string };
  keywords: string[];
  phrases: string[];
}

export interface Taxonomy {
  version: number;
  topics: Topic[];
}

export interface CompiledTaxonomy {
  topicIdsOf(word: string, german: boolean): readonly string[];
  phrases: readonly { words: string; topicId: string }[];
}

const shortKeyword = 4;
/** A compound head starts after a modifier of at least this many letters ("erwartet" is not "warte"). */
const minimumModifier = 3;
const maximumInflection = 3;

function endsWithHead(word: string, stem: string): boolean {
  const at = word.indexOf(stem, minimumModifier);
  return at >= minimumModifier && word.length - (at + stem.length) <= maximumInflection;
}
const none: readonly string[] = [];

export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const exact = new Map<string, string[]>();
  const stems: { stem: string; topicId: string }[] = [];
  const phrases: { words: string; topicId: string }[] = [];
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    map.set(key, list);
  };
  for (const topic of taxonomy.topics) {
    for (const raw of topic.keywords) {
      const keyword = raw.trim().toLowerCase();
      if (keyword === '') continue;
      if (keyword.includes(' ')) phrases.push({ words: keyword.split(/\s+/).join(' '), topicId: topic.id });
      else if (keyword.length < shortKeyword) {
        add(exact, keyword, topic.id);
        add(exact, `${keyword}s`, topic.id);
      } else stems.push({ stem: keyword, topicId: topic.id });
    }
    for (const raw of topic.phrases) {
      const words = raw.trim().toLowerCase().split(/\s+/).join(' ');
      if (words !== '') phrases.push({ words, topicId: topic.id });
    }
  }
  const caches = [new Map<string, readonly string[]>(), new Map<string, readonly string[]>()];
  return {
    phrases,
    topicIdsOf(word, german) {
      const cache = caches[german ? 1 : 0] as Map<string, readonly string[]>;
      const cached = cache.get(word);
      if (cached) return cached;
      const found = new Set(exact.get(word) ?? none);
      for (const { stem, topicId } of stems) {
        if (word.startsWith(stem) || (german && endsWithHead(word, stem))) found.add(topicId);
      }
      const result = found.size === 0 ? none : [...found];
      if (cache.size > 50_000) cache.clear();
      cache.set(word, result);
      return result;
    },
  };
}

/** Topic ids mentioned in a list of words, in taxonomy order of first mention. */
export function topicsIn(words: readonly string[], compiled: CompiledTaxonomy, german: boolean): Set<string> {
  const found = new Set<string>();
  for (const w of words) for (const id of compiled.topicIdsOf(w, german)) found.add(id);
  if (compiled.phrases.length > 0) {
    const joined = ` ${words.join(' ')} `;
    for (const { words: phrase, topicId } of compiled.phrases)
      if (joined.includes(` ${phrase} `)) found.add(topicId);
  }
  return found;
}
