import type {
  Choice,
  LocalizedText,
  Question,
  QuestionType,
  SurveyDefinition,
  SurveyStatus,
} from './survey-types';

/** The builder edits texts in these two languages side by side (the product's languages, GUIDE §5). */
export const editorLanguages = ['en', 'de'] as const;
export type EditorLanguage = (typeof editorLanguages)[number];

/** Status moves the server allows (survey-admin.ts): closed is final. */
export const statusMoves: Record<SurveyStatus, SurveyStatus[]> = {
  draft: ['live', 'closed'],
  live: ['paused', 'closed'],
  paused: ['live', 'closed'],
  closed: [],
};

const blank = (): LocalizedText => ({ en: '', de: '' });

/** The first id of the form `${prefix}${n}` not in `taken`, so new questions and choices never collide. */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

function choicesOf(prefix: string, count: number): Choice[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, label: blank() }));
}

/** A new question of `type` with the fields that type requires, texts empty in both languages. */
export function newQuestion(type: QuestionType, taken: Iterable<string>): Question {
  const base: Question = { id: freshId('q', taken), type, title: blank(), required: true };
  switch (type) {
    case 'csat':
      return { ...base, style: 'stars' };
    case 'rating':
      return { ...base, min: 1, max: 5 };
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, choices: choicesOf('c', 2) };
    case 'matrix':
      return { ...base, rows: choicesOf('r', 1), columns: choicesOf('k', 2) };
    case 'consent':
      return { ...base, label: blank() };
    default:
      return base;
  }
}

export function emptyDefinition(): SurveyDefinition {
  return { defaultLanguage: 'en', questions: [newQuestion('nps', [])] };
}

/** Moves item `index` one place up (-1) or down (+1); out-of-range moves return the list unchanged. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Drops empty languages, so an untranslated text falls back to the default language instead of showing blank. */
export function compactText(text: LocalizedText | undefined): LocalizedText | undefined {
  if (!text) return undefined;
  const entries = Object.entries(text).filter(([, value]) => value.trim() !== '');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

const textFields = ['title', 'description', 'lowLabel', 'highLabel', 'label', 'body', 'buttonLabel'] as const;

/**
 * The definition as the server should see it: empty translations removed (a missing default-language text then
 * fails validation with a path the builder can show), empty optional texts dropped entirely.
 */
export function cleanDefinition(definition: SurveyDefinition): SurveyDefinition {
  const cleanNode = <T extends object>(node: T): T => {
    const out: Record<string, unknown> = { ...(node as Record<string, unknown>) };
    for (const key of textFields) {
      if (!(key in out)) continue;
      const compact = compactText(out[key] as LocalizedText);
      // Titles are required: keep an empty map so the server names the field instead of "missing property".
      if (compact) out[key] = compact;
      else if (key === 'title') out[key] = {};
      else delete out[key];
    }
    for (const list of ['choices', 'rows', 'columns'] as const) {
      const items = out[list] as Choice[] | undefined;
      if (items) out[list] = items.map((choice) => ({ ...choice, label: compactText(choice.label) ?? {} }));
    }
    return out as T;
  };
  return {
    ...definition,
    questions: definition.questions.map(cleanNode),
    ...(definition.welcome ? { welcome: cleanNode(definition.welcome) } : {}),
    ...(definition.end ? { end: cleanNode(definition.end) } : {}),
    ...(definition.thankYou ? { thankYou: definition.thankYou.map(cleanNode) } : {}),
  };
}

/** A text in `language`, else in the survey's default language, else any; what a respondent would read. */
export function textIn(text: LocalizedText | undefined, language: string, fallback: string): string {
  if (!text) return '';
  return text[language] || text[fallback] || Object.values(text).find((value) => value !== '') || '';
}

export interface Problem {
  path: string;
  message: string;
}

/** The { path, message } list of a CAIRN_SURVEY_INVALID error, or [] for any other error. */
export function problemsOf(error: unknown): Problem[] {
  const details = (error as { code?: unknown; details?: unknown } | null)?.details;
  if ((error as { code?: unknown } | null)?.code !== 'CAIRN_SURVEY_INVALID' || !Array.isArray(details))
    return [];
  return details.filter(
    (item): item is Problem =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Problem).path === 'string' &&
      typeof (item as Problem).message === 'string',
  );
}

/**
 * Problems for one field: its own path, or one of its languages (definition/questions/0/title also claims
 * definition/questions/0/title/en). Everything else belongs to a more specific field or to the summary.
 */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter(
    (p) =>
      p.path === path ||
      (p.path.startsWith(`${path}/`) && /^[a-z]{2}(-[A-Z]{2})?$/.test(p.path.slice(path.length + 1))),
  );
}
