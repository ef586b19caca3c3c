import type { AnswerValue, LogicRule, Question, Screen, SurveyDefinition, ThankYouScreen } from './types.js';

/** Where the respondent goes next: another question, or the end. */
export type Destination = { kind: 'question'; index: number } | { kind: 'end' };

export type Answers = ReadonlyMap<string, AnswerValue>;

function compare(
  answer: AnswerValue,
  op: LogicRule['if']['op'],
  expected: LogicRule['if']['value'],
): boolean {
  if (op === 'includes') {
    if (Array.isArray(answer)) return answer.includes(String(expected));
    if (typeof answer === 'string') return answer.toLowerCase().includes(String(expected).toLowerCase());
    return false;
  }
  if (op === 'eq') {
    if (Array.isArray(answer)) return answer.length === 1 && answer[0] === String(expected);
    return typeof answer === 'object' ? false : answer === expected;
  }
  if (typeof answer !== 'number' || typeof expected !== 'number') return false;
  switch (op) {
    case 'lt':
      return answer < expected;
    case 'lte':
      return answer <= expected;
    case 'gt':
      return answer > expected;
    case 'gte':
      return answer >= expected;
  }
}

/** A condition on an unanswered (skipped) question never holds. */
export function conditionHolds(condition: LogicRule['if'], answers: Answers): boolean {
  const answer = answers.get(condition.questionId);
  return answer !== undefined && compare(answer, condition.op, condition.value);
}

/**
 * After the question at `index`: its first rule whose condition holds decides (`goTo` a question id or `end`);
 * without one, the next question in order. A jump to an unknown or earlier question would loop or strand the
 * respondent, so it falls back to the next question.
 */
export function nextDestination(definition: SurveyDefinition, index: number, answers: Answers): Destination {
  const questions = definition.questions;
  const rule = questions[index]?.logic?.find((candidate) => conditionHolds(candidate.if, answers));
  if (rule?.then.goTo === 'end') return { kind: 'end' };
  if (rule) {
    const target = questions.findIndex((question) => question.id === rule.then.goTo);
    if (target > index) return { kind: 'question', index: target };
  }
  return index + 1 < questions.length ? { kind: 'question', index: index + 1 } : { kind: 'end' };
}

/**
 * The first thank-you screen whose inclusive range holds the numeric answer it refers to; else `end` (undefined
 * when the survey has none: the widget then says a plain thank-you).
 */
export function endScreen(
  definition: SurveyDefinition,
  answers: Answers,
): Screen | ThankYouScreen | undefined {
  const match = definition.thankYou?.find((screen) => {
    const [questionId, min, max] = screen.when
      ? [screen.when.questionId, screen.when.min, screen.when.max]
      : [screen.questionId, ...(screen.range ?? [])];
    const answer = questionId === undefined ? undefined : answers.get(questionId);
    return (
      typeof answer === 'number' && min !== undefined && max !== undefined && answer >= min && answer <= max
    );
  });
  return match ?? definition.end;
}

/** Whether a value counts as an answer (an empty text, selection or matrix does not). */
export function isAnswered(question: Question, value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (question.type === 'matrix') return Object.keys(value).length > 0;
  // An unticked consent box is no consent: required consent must be ticked.
  if (question.type === 'consent') return value === true;
  return true;
}

/**
 * A required question needs an answer; a required matrix needs one per row. Questions are required unless they
 * say `required: false`, as in the server's schema, so the server never refuses a completion the widget allowed.
 */
export function satisfiesRequired(question: Question, value: AnswerValue | undefined): boolean {
  if (question.required === false) return true;
  if (!isAnswered(question, value)) return false;
  return question.type !== 'matrix' || question.rows.every((row) => row.id in (value as object));
}

/** Only http(s) links are rendered; a `javascript:` URL in a survey would run in the host page. */
export function safeHttpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
