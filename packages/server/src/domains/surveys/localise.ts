import type { SurveyDefinition } from '@cairn/protocol';

const textKeys = new Set(['title', 'description', 'body', 'buttonLabel', 'label', 'lowLabel', 'highLabel']);

/** The languages a survey speaks: those of its first question's title (the default language is always among them). */
export function surveyLanguages(def: SurveyDefinition): string[] {
  return Object.keys(def.questions[0]?.title ?? { [def.defaultLanguage]: '' });
}

/**
 * The first candidate the survey speaks, matching exactly or by primary language (de-AT → de), else the survey's
 * default language. Candidates come in priority order (profile trait, explicit parameter, browser).
 */
export function pickLanguage(def: SurveyDefinition, candidates: (string | null | undefined)[]): string {
  const spoken = surveyLanguages(def);
  for (const candidate of candidates) {
    if (!candidate) continue;
    const wanted = candidate.trim().replace('_', '-');
    const exact = spoken.find((l) => l.toLowerCase() === wanted.toLowerCase());
    if (exact) return exact;
    const primary = wanted.split('-')[0]?.toLowerCase();
    const loose = spoken.find((l) => l.split('-')[0]?.toLowerCase() === primary);
    if (loose) return loose;
  }
  return def.defaultLanguage;
}

/** Languages of an Accept-Language header by quality (RFC 9110 §12.5.4), best first. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag?.trim() ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0 && !Number.isNaN(l.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

function resolve(node: unknown, lang: string, fallback: string): unknown {
  if (Array.isArray(node)) return node.map((child) => resolve(child, lang, fallback));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (textKeys.has(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      const texts = value as Record<string, string>;
      out[key] = texts[lang] ?? texts[fallback] ?? '';
    } else {
      out[key] = resolve(value, lang, fallback);
    }
  }
  return out;
}

/** A localised definition has plain strings where the stored one has `{ de, en, … }` maps. */
export type LocalisedDefinition = Record<string, unknown> & { language: string };

const localised = new WeakMap<SurveyDefinition, Map<string, LocalisedDefinition>>();

/**
 * The definition with every text resolved to `lang` (falling back to the default language per text). Stored
 * versions never change and the catalog keeps one object per version, so each language is resolved once per
 * version rather than on every "anything for me now?" from the SDK; callers must not modify the result.
 */
export function localiseDefinition(def: SurveyDefinition, lang: string): LocalisedDefinition {
  let byLanguage = localised.get(def);
  if (!byLanguage) {
    byLanguage = new Map();
    localised.set(def, byLanguage);
  }
  let result = byLanguage.get(lang);
  if (!result) {
    result = Object.freeze({
      ...(resolve(def, lang, def.defaultLanguage) as Record<string, unknown>),
      language: lang,
    }) as LocalisedDefinition;
    byLanguage.set(lang, result);
  }
  return result;
}
