import { textIn } from './survey-draft';
import { countedTypes, type Question, type SurveyDefinition } from './survey-types';

/** Result of the engine's answer_distribution kind (server: domains/analytics/answer-distribution.ts). */
export interface AnswerDistributionResult {
  kind: 'answer_distribution';
  surveyId: string;
  questions: {
    questionId: string;
    questionType: string;
    answered: number;
    options: { value: string; answers: number; share: number }[];
  }[];
}

export interface OptionBar {
  value: string;
  label: string;
  answers: number;
  /** 0–1 of the question's respondents. */
  share: number;
}

export interface QuestionBars {
  question: Question;
  number: number;
  title: string;
  answered: number;
  options: OptionBar[];
}

/** The values a question offers in definition order (choices, the scale, yes/no), so unchosen ones show as zero. */
function offeredValues(question: Question): string[] {
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return (question.choices ?? []).map((choice) => choice.id);
    case 'consent':
      return ['true', 'false'];
    case 'nps':
      return Array.from({ length: 11 }, (_, i) => String(i));
    case 'csat':
      return ['1', '2', '3', '4', '5'];
    case 'ces':
      return ['1', '2', '3', '4', '5', '6', '7'];
    case 'rating': {
      const [min, max] = [question.min ?? 1, question.max ?? 5];
      return max >= min ? Array.from({ length: max - min + 1 }, (_, i) => String(min + i)) : [];
    }
    default:
      return [];
  }
}

/**
 * Bars per option for every counted question of the survey, labelled in `language`. The engine counts; this only
 * joins its counts to the definition's labels and order. Values the definition no longer offers (answers to an
 * older version) are kept at the end under their raw value.
 */
export function questionBars(
  definition: SurveyDefinition,
  result: AnswerDistributionResult | undefined,
  language: string,
  labels: { yes: string; no: string },
): QuestionBars[] {
  const byId = new Map((result?.questions ?? []).map((q) => [q.questionId, q]));
  return definition.questions
    .map((question, index) => ({ question, index }))
    .filter(({ question }) => countedTypes.includes(question.type))
    .map(({ question, index }) => {
      const counted = byId.get(question.id);
      const counts = new Map((counted?.options ?? []).map((o) => [o.value, o]));
      const offered = offeredValues(question);
      const values = [...offered, ...[...counts.keys()].filter((value) => !offered.includes(value))];
      const labelOf = (value: string) => {
        if (question.type === 'consent') return value === 'true' ? labels.yes : labels.no;
        const choice = question.choices?.find((c) => c.id === value);
        return choice ? textIn(choice.label, language, definition.defaultLanguage) || value : value;
      };
      return {
        question,
        number: index + 1,
        title: textIn(question.title, language, definition.defaultLanguage),
        answered: counted?.answered ?? 0,
        options: values.map((value) => ({
          value,
          label: labelOf(value),
          answers: counts.get(value)?.answers ?? 0,
          share: counts.get(value)?.share ?? 0,
        })),
      };
    });
}

/** The survey metrics the engine computes (kpi/trend), for the score questions the survey has. */
export function surveyMetrics(definition: SurveyDefinition): ('nps' | 'csat' | 'ces')[] {
  const types = new Set(definition.questions.map((q) => q.type));
  return (['nps', 'csat', 'ces'] as const).filter((metric) => types.has(metric));
}
