import type { AnswerInsight, SurveyResponse, SurveySummary, TaxonomyTopic } from './responses-api';

/** The sentiment labels the dashboard has words for; anything else the server may add is shown as sent. */
export const sentimentLabels = ['positive', 'negative', 'neutral', 'mixed'] as const;
export type KnownSentiment = (typeof sentimentLabels)[number];

export const isKnownSentiment = (label: string): label is KnownSentiment =>
  (sentimentLabels as readonly string[]).includes(label);

/** An open-text answer with what text analytics found in it (if anything yet). Text is hostile input. */
export interface TextAnswer {
  questionId: string;
  text: string;
  insight?: AnswerInsight;
}

/** Open-text answers of a response, in answer order, with their insight. */
export function textAnswersWithInsight(response: SurveyResponse): TextAnswer[] {
  return response.answers
    .filter((a) => a.questionType === 'text' && a.textValue !== null && a.textValue !== '')
    .map((a) => ({ questionId: a.questionId, text: a.textValue as string, insight: a.insight }));
}

/**
 * A topic's name in the reader's language (de or en, the taxonomy's two), else English, else its id: a topic
 * removed from the taxonomy since, or a taxonomy not loaded (yet), still shows something stable.
 */
export function topicName(
  topics: readonly TaxonomyTopic[] | undefined,
  id: string,
  language: string,
): string {
  const topic = topics?.find((t) => t.id === id);
  if (!topic) return id;
  return language.slice(0, 2) === 'de' ? topic.name.de : topic.name.en;
}

/** Topics of an answer, most mentioned first (ties by id, so the order is stable between renders). */
export function topicsByMentions(insight: AnswerInsight | undefined): AnswerInsight['topics'] {
  return [...(insight?.topics ?? [])].sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
}

/** The survey a response belongs to, for its name and question titles (the list may span every survey). */
export function surveyOf(
  surveys: readonly SurveySummary[] | undefined,
  surveyId: string | undefined,
): SurveySummary | undefined {
  return surveyId ? surveys?.find((survey) => survey.id === surveyId) : undefined;
}
