import type { Channel } from '@cairn/protocol';
import type { DemoSurveyKey } from './survey-definitions.js';

export const dayMs = 86_400_000;

export interface WorldOptions {
  seed: number;
  /** Generate customers 0..customers-1 (the `cairn demo` world). */
  customers?: number;
  /** Stop after exactly this many Segment messages (the `cairn generate` benchmark world). */
  maxEvents?: number;
  /** Last instant of the world (ISO date); default derived from the seed, never from the clock. */
  endDate?: string;
}

/** The world's fixed frame: one year ending at `end`, and the week in which the app's checkout degrades. */
export interface World {
  seed: number;
  start: number;
  end: number;
  degradedWeekStart: number;
  degradedWeekEnd: number;
}

/** A Segment message as the import API takes it (https://segment.com/docs/connections/spec/common/). */
export interface SegmentMessage {
  type: 'track' | 'page' | 'screen' | 'identify';
  messageId: string;
  timestamp: string;
  userId?: string;
  anonymousId?: string;
  event?: string;
  name?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context: { channel: Channel } & Record<string, unknown>;
}

export interface SurveyAnswer {
  questionId: string;
  value: number | string;
}

/**
 * A survey response line in the generated NDJSON (`type: "survey_response"`): which demo survey, who, when, on
 * which channel and in which language, the answers, and hidden fields tying it to the journey (order, ticket).
 */
export interface SurveyResponseRecord {
  type: 'survey_response';
  messageId: string;
  survey: DemoSurveyKey;
  userId: string;
  timestamp: string;
  channel: Channel;
  locale: 'de' | 'en';
  answers: SurveyAnswer[];
  hiddenFields: Record<string, string | number | boolean>;
}

export type WorldRecord = SegmentMessage | SurveyResponseRecord;

export const isSurveyResponse = (record: WorldRecord): record is SurveyResponseRecord =>
  record.type === 'survey_response';

/** Monday 00:00 UTC of ISO week `week` of `year` (ISO 8601: week 1 holds the year's first Thursday). */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * dayMs;
  return mondayOfWeek1 + (week - 1) * 7 * dayMs;
}

/** The default end: a day in December 2025 chosen by the seed, so every seed's output is stable. */
export function defaultEnd(seed: number): number {
  return Date.UTC(2025, 11, 1) + ((seed >>> 0) % 30) * dayMs;
}

export function resolveWorld(options: WorldOptions, degradedIsoWeek: number): World {
  const end = options.endDate ? Date.parse(options.endDate) : defaultEnd(options.seed);
  if (!Number.isFinite(end))
    throw new Error(`endDate ${options.endDate}: expected an ISO date such as 2025-12-31.`);
  const start = end - 365 * dayMs;
  // The degraded week must lie inside the year: week 37 of the end's year, or of the year before.
  const endYear = new Date(end).getUTCFullYear();
  let weekStart = isoWeekStart(endYear, degradedIsoWeek);
  if (weekStart + 7 * dayMs > end) weekStart = isoWeekStart(endYear - 1, degradedIsoWeek);
  return {
    seed: options.seed,
    start,
    end,
    degradedWeekStart: weekStart,
    degradedWeekEnd: weekStart + 7 * dayMs,
  };
}
