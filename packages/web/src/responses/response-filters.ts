import { startOfDay } from '../api/analytics';
import { addDays } from '../filters/date-range';
import type { GlobalFilters } from '../filters/global-filters';
import type { ResponseAnswer, SurveyResponse, SurveySummary } from './responses-api';

/**
 * The Responses screen's own state in the query string, next to the global filters (from, to, channel, touchpoint,
 * segment):
 * ?survey=<id>&min=0&max=6&q=delivery&response=<id>&responseSurvey=<id>. Without `survey` the list spans every
 * survey. Hand-edited values that cannot be right are dropped.
 */
export interface ResponseFilters {
  survey?: string;
  minScore?: number;
  maxScore?: number;
  text?: string;
  /** The response open in the detail panel. */
  response?: string;
  /**
   * The open response's survey when no survey is chosen: the server reads single responses per survey, and a shared
   * link must open the same panel even when that response is not on the first page of the list.
   */
  responseSurvey?: string;
}

const keys = {
  survey: 'survey',
  minScore: 'min',
  maxScore: 'max',
  text: 'q',
  response: 'response',
  responseSurvey: 'responseSurvey',
} as const;
const idPattern = /^[0-9a-fA-F-]{8,64}$/;
// Scale answers run 0–10 (NPS, rating), 1–5 (CSAT) and 1–7 (CES): two digits are plenty.
const scorePattern = /^\d{1,2}(\.\d{1,2})?$/;

export function parseResponseFilters(search: string): ResponseFilters {
  const params = new URLSearchParams(search);
  const filters: ResponseFilters = {};
  const id = (key: string) => {
    const value = params.get(key)?.trim();
    return value && idPattern.test(value) ? value : undefined;
  };
  const score = (key: string) => {
    const value = params.get(key)?.trim();
    return value && scorePattern.test(value) ? Number(value) : undefined;
  };
  const survey = id(keys.survey);
  if (survey) filters.survey = survey;
  const response = id(keys.response);
  if (response) filters.response = response;
  const responseSurvey = id(keys.responseSurvey);
  if (response && responseSurvey) filters.responseSurvey = responseSurvey;
  const minScore = score(keys.minScore);
  if (minScore !== undefined) filters.minScore = minScore;
  const maxScore = score(keys.maxScore);
  if (maxScore !== undefined) filters.maxScore = maxScore;
  const text = params.get(keys.text)?.trim();
  if (text && text.length <= 200) filters.text = text;
  return filters;
}

/** The current query string with this screen's filters replaced (global filters and anything else kept). */
export function withResponseFilters(search: string, filters: ResponseFilters): string {
  const params = new URLSearchParams(search);
  for (const key of Object.values(keys)) params.delete(key);
  if (filters.survey) params.set(keys.survey, filters.survey);
  if (filters.minScore !== undefined) params.set(keys.minScore, String(filters.minScore));
  if (filters.maxScore !== undefined) params.set(keys.maxScore, String(filters.maxScore));
  if (filters.text) params.set(keys.text, filters.text);
  if (filters.response) params.set(keys.response, filters.response);
  if (filters.response && filters.responseSurvey) params.set(keys.responseSurvey, filters.responseSurvey);
  return params.toString();
}

/**
 * The list/CSV API's query for these filters. Dates are whole days in the workspace time zone, `to` inclusive for
 * people (so it becomes the start of the next day). Without dates, the last 30 days up to now, as the filter bar
 * says and as the analysis screens count (api/analytics.ts scopeOf).
 */
export function responseApiQuery(
  filters: ResponseFilters,
  global: GlobalFilters,
  timeZone: string,
  today: string,
): URLSearchParams {
  const query = new URLSearchParams();
  const from = global.from ?? (global.to ? undefined : addDays(today, -29));
  if (from) query.set('from', startOfDay(from, timeZone).toISOString());
  if (global.to) query.set('to', startOfDay(addDays(global.to, 1), timeZone).toISOString());
  if (filters.minScore !== undefined) query.set('minScore', String(filters.minScore));
  if (filters.maxScore !== undefined) query.set('maxScore', String(filters.maxScore));
  if (global.channel) query.set('channel', global.channel);
  if (global.touchpoint) query.set('touchpointId', global.touchpoint);
  if (global.segment) query.set('segment', global.segment);
  if (filters.text) query.set('q', filters.text);
  return query;
}

const scaleTypes = new Set(['nps', 'csat', 'ces', 'rating']);

/** The response's score: its first scale answer, the same one the server's score filter uses. */
export function scoreOf(response: SurveyResponse): ResponseAnswer | undefined {
  return response.answers.find((a) => scaleTypes.has(a.questionType) && a.numberValue !== null);
}

/** Open-text answers (free text is hostile input: callers render it as text only). */
export function textAnswersOf(response: SurveyResponse): string[] {
  return response.answers
    .filter((a) => a.questionType === 'text' && a.textValue !== null && a.textValue !== '')
    .map((a) => a.textValue as string);
}

/** A question's title in the reader's language (else the survey's default), or its id when the survey changed since. */
export function questionTitle(
  survey: SurveySummary | undefined,
  questionId: string,
  language: string,
): string {
  const question = survey?.definition?.questions?.find((q) => q.id === questionId);
  const title = question?.title;
  const fallback = survey?.definition?.defaultLanguage ?? 'en';
  return title?.[language.slice(0, 2)] ?? title?.[fallback] ?? questionId;
}
