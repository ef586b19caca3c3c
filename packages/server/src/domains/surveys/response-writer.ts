import type { SurveyDefinition } from '@cairn/protocol';
import type { CairnError } from '../../errors/catalogue.js';
import type { TouchpointRecord } from '../../store/analytics-port.js';
import type { Store } from '../../store/port.js';
import type { AnswerRecord, ContactRecord, ResponseRecord } from '../../store/survey-port.js';
import type { TextAnswer } from '../../store/text-port.js';
import { GroupCommitQueue } from '../collect/group-commit.js';
import type { Clock } from '../context.js';
import { enrichAnswers } from '../text/text-service.js';
import type { TouchpointCatalog } from '../touchpoints/touchpoint-catalog.js';
import { firstScore, missingRequired, type ParsedAnswer } from './answer-validation.js';
import type { FatigueLedger } from './fatigue.js';
import type { JourneyBuffer } from './journey-buffer.js';
import { type AnsweredAt, type JourneyStep, journeyContext } from './response-context.js';
import type { SurveyCatalog } from './survey-catalog.js';

export interface Submission {
  workspaceId: string;
  surveyId: string;
  version: number;
  definition: SurveyDefinition;
  responseId: string;
  clientKey: string;
  profileId: string | null;
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
  | { ok: false; error: CairnError };

const storedAsParsed = (a: AnswerRecord): ParsedAnswer => ({
  questionId: a.questionId,
  questionType: a.questionType as ParsedAnswer['questionType'],
  numberValue: a.numberValue,
  textValue: a.textValue,
  jsonValue: a.jsonValue,
  timeSpentMs: a.timeSpentMs,
});

/**
 * Durable response submissions with group commit: requests queue their submission, the writer commits everything
 * waiting in one transaction (responses, answers, ledger entries) and answers each request after the commit.
 * Per-request commits would cap near a few hundred responses/s on DuckDB (GUIDE §3).
 */
export class ResponseWriter {
  private readonly queue: GroupCommitQueue<Submission, SubmitOutcome>;

  constructor(
    private readonly store: Store,
    private readonly catalog: SurveyCatalog,
    private readonly ledger: FatigueLedger,
    private readonly journeys: JourneyBuffer,
    private readonly touchpoints: TouchpointCatalog,
    private readonly now: Clock,
  ) {
    this.queue = new GroupCommitQueue((batch) => this.commit(batch), {
      maxPendingItems: 50_000,
      maxBatchItems: 2_000,
      retryAfterSeconds: 1,
    });
  }

  async submit(submission: Submission): Promise<SubmitOutcome> {
    const [outcome] = await this.queue.submit([submission]);
    return outcome as SubmitOutcome;
  }

  drain(): Promise<void> {
    return this.queue.drain();
  }

  private async commit(batch: Submission[]): Promise<SubmitOutcome[]> {
    const at = this.now().toISOString();
    const outcomes: SubmitOutcome[] = [];
    const responses: ResponseRecord[] = [];
    const answers: AnswerRecord[] = [];
    const contacts: ContactRecord[] = [];
    const texts: TextAnswer[] = [];
    const created = new Map<string, number>();
    const seen = new Set<string>();
    for (const [workspaceId, items] of groupBy(batch, (s) => s.workspaceId)) {
      const ids = [...new Set(items.map((s) => s.responseId))];
      const existing = new Map(
        (await this.store.surveys.responses.getMany(workspaceId, ids)).map((r) => [r.id, r]),
      );
      const completing = items
        .filter((s) => s.completed && existing.has(s.responseId))
        .map((s) => s.responseId);
      const earlier = groupBy(
        await this.store.surveys.responses.answers(workspaceId, completing),
        (a) => a.responseId,
      );
      const fresh = items
        .filter((s) => !existing.has(s.responseId) && s.profileId)
        .map((s) => s.profileId as string);
      const journeys = fresh.length ? await this.journeys.journeys(workspaceId, fresh, at) : new Map();
      const registry = fresh.length ? await this.touchpoints.list(workspaceId) : [];
      for (const s of items) {
        let score: number | null = null;
        if (s.completed) {
          const stored = (earlier.get(s.responseId) ?? []).map(storedAsParsed);
          const all = [...new Map([...stored, ...s.answers].map((a) => [a.questionId, a])).values()];
          const problem = missingRequired(s.definition, all);
          score = firstScore(s.definition, all);
          if (problem) {
            outcomes.push({ ok: false, error: problem });
            continue;
          }
        }
        const isNew = !existing.has(s.responseId) && !seen.has(s.responseId);
        seen.add(s.responseId);
        const steps = s.profileId ? (journeys.get(s.profileId) ?? []) : [];
        responses.push(responseRecord(s, at, steps, registry));
        for (const a of s.answers) {
          if (a.questionType === 'text' && a.textValue) {
            texts.push({
              workspaceId,
              responseId: s.responseId,
              questionId: a.questionId,
              profileId: s.profileId,
              answeredAt: at,
              text: a.textValue,
            });
          }
          answers.push({
            ...a,
            workspaceId,
            responseId: s.responseId,
            surveyId: s.surveyId,
            profileId: s.profileId,
            answeredAt: at,
          });
        }
        if (isNew) {
          created.set(
            `${workspaceId}\0${s.surveyId}`,
            (created.get(`${workspaceId}\0${s.surveyId}`) ?? 0) + 1,
          );
          if (s.profileId) {
            contacts.push({
              workspaceId,
              profileId: s.profileId,
              surveyId: s.surveyId,
              channel: s.channel,
              kind: 'answered',
              at,
            });
          }
        }
        const status =
          s.completed || existing.get(s.responseId)?.status === 'completed' ? 'completed' : 'partial';
        outcomes.push({ ok: true, created: isNew, status, score });
      }
    }
    if (responses.length) await this.store.surveys.responses.commit({ responses, answers, contacts });
    await this.ledger.remember(contacts);
    // Open-text answers are enriched (language, sentiment, topics, PII spans) as soon as they are stored, so the
    // analyses and redacted views never wait for a batch job; one call per group commit, not per response.
    if (texts.length) await enrichAnswers(this.store, texts, this.now());
    for (const [key, count] of created) {
      const [workspaceId, surveyId] = key.split('\0') as [string, string];
      await this.catalog.countNewResponses(workspaceId, surveyId, count);
    }
    return reorder(batch, outcomes);
  }
}

/** Outcomes were produced workspace by workspace; put them back in submission order. */
function reorder(batch: Submission[], outcomes: SubmitOutcome[]): SubmitOutcome[] {
  const order = [
    ...groupBy(
      batch.map((s, i) => ({ s, i })),
      (x) => x.s.workspaceId,
    ).values(),
  ]
    .flat()
    .map((x) => x.i);
  const result: SubmitOutcome[] = new Array(batch.length);
  order.forEach((original, k) => {
    result[original] = outcomes[k] as SubmitOutcome;
  });
  return result;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

function responseRecord(
  s: Submission,
  at: string,
  steps: JourneyStep[],
  registry: TouchpointRecord[],
): ResponseRecord {
  const context = journeyContext(s.touchpoint, steps, registry);
  return {
    id: s.responseId,
    workspaceId: s.workspaceId,
    surveyId: s.surveyId,
    surveyVersion: s.version,
    profileId: s.profileId,
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
