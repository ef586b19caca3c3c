import { type Question, SurveyDefinition, SurveySettings, scoreQuestionTypes } from '@cairn/protocol';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { CairnError } from '../../errors/catalogue.js';

export interface DefinitionProblem {
  /** JSON-pointer-like path inside the checked document, e.g. `definition/questions/2/logic/0/then/goTo`. */
  path: string;
  message: string;
}

const textKeys = new Set(['title', 'description', 'body', 'buttonLabel', 'label', 'lowLabel', 'highLabel']);

function schemaProblems(schema: TSchema, value: unknown, prefix: string): DefinitionProblem[] {
  if (Value.Check(schema, value)) return [];
  return Value.Errors(schema, value).map((e) => ({ path: `${prefix}${e.instancePath}`, message: e.message }));
}

/** Every text must exist in the default language: it is the fallback when the respondent's language is missing. */
function missingDefaultTexts(node: unknown, lang: string, path: string, out: DefinitionProblem[]): void {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) missingDefaultTexts(child, lang, `${path}/${i}`, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (textKeys.has(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      const texts = value as Record<string, unknown>;
      if (typeof texts[lang] !== 'string') {
        out.push({ path: `${path}/${key}`, message: `has no text in the default language ${lang}` });
        continue;
      }
    }
    missingDefaultTexts(value, lang, `${path}/${key}`, out);
  }
}

/** Which logic operators make sense for which answer types. */
function opFits(question: Question, op: string): boolean {
  if (op === 'includes') return question.type === 'multiple_choice' || question.type === 'text';
  if (op === 'eq') return true;
  return (scoreQuestionTypes as string[]).includes(question.type);
}

function questionProblems(questions: Question[], path: string): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const position = new Map<string, number>();
  questions.forEach((q, i) => {
    if (position.has(q.id)) out.push({ path: `${path}/${i}/id`, message: `duplicates question id ${q.id}` });
    else position.set(q.id, i);
  });
  questions.forEach((q, i) => {
    const at = `${path}/${i}`;
    if (q.type === 'rating' && q.min >= q.max)
      out.push({ path: `${at}/max`, message: 'must be greater than min' });
    const choiceLists =
      q.type === 'single_choice' || q.type === 'multiple_choice'
        ? { choices: q.choices }
        : q.type === 'matrix'
          ? { rows: q.rows, columns: q.columns }
          : {};
    for (const [key, list] of Object.entries(choiceLists) as [string, { id: string }[]][]) {
      const seen = new Set<string>();
      list.forEach((c, j) => {
        if (seen.has(c.id)) out.push({ path: `${at}/${key}/${j}/id`, message: `duplicates id ${c.id}` });
        seen.add(c.id);
      });
    }
    q.logic?.forEach((rule, j) => {
      const source = position.get(rule.if.questionId);
      const sourceQuestion = source === undefined ? undefined : questions[source];
      if (source === undefined || source > i || !sourceQuestion) {
        out.push({
          path: `${at}/logic/${j}/if/questionId`,
          message: 'must be this question or an earlier one',
        });
      } else if (!opFits(sourceQuestion, rule.if.op)) {
        out.push({
          path: `${at}/logic/${j}/if/op`,
          message: `${rule.if.op} does not apply to ${sourceQuestion.type}`,
        });
      }
      // Jumps only go forward, so every path through the survey ends (no loops).
      const target = rule.then.goTo === 'end' ? Number.POSITIVE_INFINITY : position.get(rule.then.goTo);
      if (target === undefined || target <= i) {
        out.push({ path: `${at}/logic/${j}/then/goTo`, message: "must be a later question id or 'end'" });
      }
    });
  });
  return out;
}

/** All problems of a definition; empty when it is valid. */
export function definitionProblems(value: unknown, prefix = 'definition'): DefinitionProblem[] {
  const problems = schemaProblems(SurveyDefinition, value, prefix);
  if (problems.length) return problems;
  const def = value as SurveyDefinition;
  const out = questionProblems(def.questions, `${prefix}/questions`);
  missingDefaultTexts(def, def.defaultLanguage, prefix, out);
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  def.thankYou?.forEach((rule, i) => {
    const q = byId.get(rule.when.questionId);
    if (!q || !(scoreQuestionTypes as string[]).includes(q.type)) {
      out.push({
        path: `${prefix}/thankYou/${i}/when/questionId`,
        message: 'must name a scale question (nps, csat, ces, rating)',
      });
    }
  });
  const hidden = def.hiddenFields ?? [];
  if (new Set(hidden).size !== hidden.length)
    out.push({ path: `${prefix}/hiddenFields`, message: 'has duplicates' });
  return out;
}

export function settingsProblems(value: unknown, prefix = 'settings'): DefinitionProblem[] {
  return schemaProblems(SurveySettings, value, prefix);
}

/** Throws CAIRN_SURVEY_INVALID naming the first problem, with every problem in `details`. */
export function assertValid(problems: DefinitionProblem[]): void {
  const first = problems[0];
  if (first)
    throw new CairnError('CAIRN_SURVEY_INVALID', { path: first.path, reason: first.message }, problems);
}

export function parseDefinition(value: unknown): SurveyDefinition {
  assertValid(definitionProblems(value));
  return value as SurveyDefinition;
}

export function parseSettings(value: unknown): SurveySettings {
  assertValid(settingsProblems(value));
  return value as SurveySettings;
}
