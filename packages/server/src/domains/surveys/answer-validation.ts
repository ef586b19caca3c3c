import type { AnswerInput, Question, SurveyDefinition } from '@cairn/protocol';
import { CairnError } from '../../errors/catalogue.js';

/** An answer checked against its question, in the columns of survey_answers (migration 0004). */
export interface ParsedAnswer {
  questionId: string;
  questionType: Question['type'];
  numberValue: number | null;
  textValue: string | null;
  jsonValue: unknown;
  timeSpentMs: number | null;
}

const invalid = (questionId: string, reason: string) =>
  new CairnError('CAIRN_ANSWER_INVALID', { questionId, reason });

/** Scale bounds from the question types: NPS 0–10, CSAT 1–5, CES 1–7, rating min–max. */
function scale(q: Question): [number, number] | null {
  if (q.type === 'nps') return [0, 10];
  if (q.type === 'csat') return [1, 5];
  if (q.type === 'ces') return [1, 7];
  if (q.type === 'rating') return [q.min, q.max];
  return null;
}

function parseOne(q: Question, input: AnswerInput): ParsedAnswer {
  const base = {
    questionId: q.id,
    questionType: q.type,
    numberValue: null,
    textValue: null,
    jsonValue: null,
    timeSpentMs: input.timeSpentMs ?? null,
  };
  const v = input.value;
  const bounds = scale(q);
  if (bounds) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < bounds[0] || v > bounds[1]) {
      throw invalid(q.id, `expected a whole number from ${bounds[0]} to ${bounds[1]}`);
    }
    return { ...base, numberValue: v };
  }
  switch (q.type) {
    case 'single_choice':
      if (typeof v !== 'string' || !q.choices.some((c) => c.id === v))
        throw invalid(q.id, 'expected one of the choice ids');
      return { ...base, textValue: v };
    case 'multiple_choice': {
      if (!Array.isArray(v) || v.length === 0) throw invalid(q.id, 'expected a non-empty list of choice ids');
      const unknown = v.find((id) => !q.choices.some((c) => c.id === id));
      if (unknown !== undefined) throw invalid(q.id, `unknown choice id ${unknown}`);
      if (new Set(v).size !== v.length) throw invalid(q.id, 'a choice is listed twice');
      if (q.maxSelections !== undefined && v.length > q.maxSelections)
        throw invalid(q.id, `at most ${q.maxSelections} choices`);
      return { ...base, jsonValue: v };
    }
    case 'text': {
      if (typeof v !== 'string') throw invalid(q.id, 'expected text');
      const max = q.maxLength ?? 5000;
      if (v.length > max) throw invalid(q.id, `longer than ${max} characters`);
      return { ...base, textValue: v };
    }
    case 'matrix': {
      if (!v || typeof v !== 'object' || Array.isArray(v))
        throw invalid(q.id, 'expected an object of row id → column id');
      for (const [row, column] of Object.entries(v)) {
        if (!q.rows.some((r) => r.id === row)) throw invalid(q.id, `unknown row id ${row}`);
        if (!q.columns.some((c) => c.id === column)) throw invalid(q.id, `unknown column id ${column}`);
      }
      return { ...base, jsonValue: v };
    }
    case 'consent':
      if (typeof v !== 'boolean') throw invalid(q.id, 'expected true or false');
      return { ...base, jsonValue: v };
    default:
      throw invalid(q.id, 'unsupported question type');
  }
}

function ruleMatches(op: string, expected: unknown, answer: ParsedAnswer): boolean {
  const actual = answer.numberValue ?? answer.textValue ?? answer.jsonValue;
  if (op === 'includes') {
    return Array.isArray(actual)
      ? actual.includes(expected)
      : typeof actual === 'string' && actual.includes(String(expected));
  }
  if (op === 'eq') return actual === expected;
  if (typeof actual !== 'number' || typeof expected !== 'number') return false;
  return op === 'lt'
    ? actual < expected
    : op === 'lte'
      ? actual <= expected
      : op === 'gt'
        ? actual > expected
        : actual >= expected;
}

/**
 * The questions a respondent meets given their answers: from the first question onward, the first matching logic
 * rule of a question decides where to go next (a later question or the end), otherwise the next question.
 */
export function reachedQuestions(def: SurveyDefinition, answers: Map<string, ParsedAnswer>): Question[] {
  const reached: Question[] = [];
  let index = 0;
  while (index < def.questions.length) {
    const q = def.questions[index] as Question;
    reached.push(q);
    const jump = q.logic?.find((rule) => {
      const answer = answers.get(rule.if.questionId);
      return answer !== undefined && ruleMatches(rule.if.op, rule.if.value, answer);
    });
    if (!jump) index += 1;
    else if (jump.then.goTo === 'end') break;
    else index = def.questions.findIndex((x) => x.id === jump.then.goTo);
  }
  return reached;
}

/** Checks answers against the survey version they are given to (type, range, choice ids). */
export function validateAnswers(def: SurveyDefinition, inputs: AnswerInput[]): ParsedAnswer[] {
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  const parsed = new Map<string, ParsedAnswer>();
  for (const input of inputs) {
    const q = byId.get(input.questionId);
    if (!q) throw invalid(input.questionId, 'this survey version has no such question');
    parsed.set(q.id, parseOne(q, input));
  }
  return [...parsed.values()];
}

/**
 * Completion check: every required question on the respondent's path is answered. `all` holds the answers stored
 * earlier for this response plus the new ones, since answers arrive step by step and logic may skip questions.
 */
export function missingRequired(def: SurveyDefinition, all: ParsedAnswer[]): CairnError | null {
  const answers = new Map(all.map((a) => [a.questionId, a]));
  const missing = reachedQuestions(def, answers).find((q) => q.required !== false && !answers.has(q.id));
  return missing ? invalid(missing.id, 'required, but not answered') : null;
}

/** The score of a response: the first nps/csat/ces answer (in question order), for events and thank-you rules. */
export function firstScore(def: SurveyDefinition, answers: ParsedAnswer[]): number | null {
  for (const q of def.questions) {
    if (q.type !== 'nps' && q.type !== 'csat' && q.type !== 'ces') continue;
    const answer = answers.find((a) => a.questionId === q.id);
    if (answer) return answer.numberValue;
  }
  return null;
}
