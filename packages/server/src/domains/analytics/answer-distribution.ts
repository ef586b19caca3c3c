import type { AnswerCountRow, AnswerDistributionPlan } from '../../store/analytics-port.js';

/** The planned part of an answer_distribution query, after the common fields (range, filters) are planned. */
export function planAnswerDistribution(
  query: { surveyId: string; questionIds?: string[] | undefined },
  base: Omit<AnswerDistributionPlan, 'kind' | 'surveyId' | 'questionIds'>,
): AnswerDistributionPlan {
  return {
    ...base,
    kind: 'answer_distribution',
    surveyId: query.surveyId,
    questionIds: query.questionIds?.length ? query.questionIds : null,
  };
}

export interface AnswerOption {
  /** A choice id, a whole-number score as text, or 'true' / 'false' for consent. */
  value: string;
  answers: number;
  /** answers / answered: the share of the question's respondents who gave this value (0–1). */
  share: number;
}

export interface QuestionDistribution {
  questionId: string;
  questionType: string;
  /** Responses that answered this question in the range. */
  answered: number;
  options: AnswerOption[];
}

const byScoreOrText = (a: AnswerOption, b: AnswerOption) => {
  const [x, y] = [Number(a.value), Number(b.value)];
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.value.localeCompare(b.value);
};

/**
 * One entry per question that has answers, options ordered by score (scales) or value. Options nobody chose are
 * absent: the survey definition lists them, and the dashboard shows them as zero.
 */
export function shapeAnswerDistribution(plan: AnswerDistributionPlan, rows: AnswerCountRow[]) {
  const questions = new Map<string, QuestionDistribution>();
  for (const row of rows) {
    const question = questions.get(row.questionId) ?? {
      questionId: row.questionId,
      questionType: row.questionType,
      answered: row.answered,
      options: [],
    };
    question.options.push({
      value: row.value,
      answers: row.answers,
      share: row.answered === 0 ? 0 : row.answers / row.answered,
    });
    questions.set(row.questionId, question);
  }
  for (const question of questions.values()) question.options.sort(byScoreOrText);
  return {
    kind: 'answer_distribution' as const,
    surveyId: plan.surveyId,
    range: { from: plan.from, to: plan.to },
    questions: [...questions.values()],
  };
}
