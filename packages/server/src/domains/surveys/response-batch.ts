import type { SurveyDefinition } from '@cairn/protocol';
import type { CairnError } from '../../errors/catalogue.js';
import type { TouchpointRecord } from '../../store/analytics-port.js';
import type { AnswerRecord, ResponseRecord } from '../../store/survey-port.js';
import { firstScore, missingRequired, type ParsedAnswer } from './answer-validation.js';
import type { RespondentIds, SurveyEventContext } from './respondent.js';
import { type AnsweredAt, type JourneyStep, journeyContext } from './response-context.js';

export interface Submission {
  workspaceId: string;
  surveyId: string;
  version: number;
  definition: SurveyDefinition;
  responseId: string;
  clientKey: string;
  /** The respondent's profile when already known; null for a first-time respondent (ingestion creates it). */
  profileId: string | null;
  /** Identifiers the response's timeline events are sent with. */
  ids: RespondentIds;
  eventContext: SurveyEventContext;
  channel: string;
  locale: string;
  device: string | null;
  completed: boolean;
  answers: ParsedAnswer[];
  hiddenFields: Record<string, string> | null;
  /** Where the answer was given (see submit-response.ts), with that touchpoint's journey stage. */
  touchpoint: AnsweredAt;
}

export type SubmitOutcome =
  /** score: the first nps/csat/ces answer of the whole response, known when completing. */
  | { ok: true; created: boolean; status: 'partial' | 'completed'; score: number | null }
  /** error: a CairnError for an invalid step, else what ingesting its events failed with. */
  | { ok: false; error: CairnError | unknown };

/** What a batch decided for one submission; the outcome turns into an error if its events cannot be sent. */
export interface Decision {
  submission: Submission;
  outcome: SubmitOutcome;
  /** The profile the rows are keyed to, known once the events are ingested. */
  profileId?: string | null;
}

export const isCreated = (d: Decision): boolean => d.outcome.ok && d.outcome.created;

export const storedAsParsed = (a: AnswerRecord): ParsedAnswer => ({
  questionId: a.questionId,
  questionType: a.questionType as ParsedAnswer['questionType'],
  numberValue: a.numberValue,
  textValue: a.textValue,
  jsonValue: a.jsonValue,
  timeSpentMs: a.timeSpentMs,
});

/**
 * Decides each submission of one workspace in arrival order, as if they were written one after another: a
 * completion must have every required question on its path answered by this step, earlier steps in the store, or
 * earlier steps of the same batch; the first submission of an unknown response creates it.
 */
export function decide(
  items: readonly Submission[],
  existing: ReadonlyMap<string, ResponseRecord['status']>,
  storedAnswers: ReadonlyMap<string, ParsedAnswer[]>,
): Decision[] {
  const answersSoFar = new Map<string, Map<string, ParsedAnswer>>();
  const completedSoFar = new Set<string>();
  const seen = new Set<string>();
  return items.map((s) => {
    let known = answersSoFar.get(s.responseId);
    if (!known) {
      known = new Map((storedAnswers.get(s.responseId) ?? []).map((a) => [a.questionId, a]));
      answersSoFar.set(s.responseId, known);
    }
    const isNew = !existing.has(s.responseId) && !seen.has(s.responseId);
    let score: number | null = null;
    if (s.completed) {
      const all = [...new Map([...known, ...s.answers.map((a) => [a.questionId, a] as const)]).values()];
      const problem = missingRequired(s.definition, all);
      if (problem) return { submission: s, outcome: { ok: false, error: problem } };
      score = firstScore(s.definition, all);
    }
    seen.add(s.responseId);
    for (const a of s.answers) known.set(a.questionId, a);
    if (s.completed) completedSoFar.add(s.responseId);
    const completed = completedSoFar.has(s.responseId) || existing.get(s.responseId) === 'completed';
    return {
      submission: s,
      outcome: { ok: true, created: isNew, status: completed ? 'completed' : 'partial', score },
    };
  });
}

/** Outcomes were produced workspace by workspace; put them back in submission order. */
export function inSubmissionOrder(
  batch: readonly Submission[],
  decisions: readonly Decision[],
): SubmitOutcome[] {
  const position = new Map(batch.map((s, i) => [s, i]));
  const result: SubmitOutcome[] = new Array(batch.length);
  for (const d of decisions) result[position.get(d.submission) as number] = d.outcome;
  return result;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The record of a response's first step in a batch (an existing response keeps its stored start and snapshot). */
export function responseRecord(
  d: Decision,
  at: string,
  steps: JourneyStep[],
  registry: TouchpointRecord[],
): ResponseRecord {
  const s = d.submission;
  const context = journeyContext(s.touchpoint, steps, registry);
  return {
    id: s.responseId,
    workspaceId: s.workspaceId,
    surveyId: s.surveyId,
    surveyVersion: s.version,
    profileId: d.profileId ?? null,
    channel: s.channel,
    touchpointId: s.touchpoint?.id ?? null,
    journeyStage: context.journeyStage,
    locale: s.locale,
    device: s.device,
    status: s.completed ? 'completed' : 'partial',
    startedAt: at,
    updatedAt: at,
    completedAt: s.completed ? at : null,
    journeyContext: context,
    clientKey: s.clientKey,
    hiddenFields: s.hiddenFields,
  };
}

/** A later step of the same response in one batch, applied by the rules of the stored upsert. */
export function foldStep(record: ResponseRecord, d: Decision, at: string): void {
  const s = d.submission;
  if (s.completed) {
    record.status = 'completed';
    record.completedAt = record.completedAt ?? at;
  }
  record.updatedAt = at;
  record.hiddenFields = s.hiddenFields ?? record.hiddenFields;
}
