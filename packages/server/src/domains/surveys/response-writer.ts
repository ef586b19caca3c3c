import type { Store } from '../../store/port.js';
import type { AnswerRecord, ContactRecord, ResponseBatch, ResponseRecord } from '../../store/survey-port.js';
import type { TextAnswer } from '../../store/text-port.js';
import type { Ingestor } from '../collect/ingestor.js';
import type { Clock } from '../context.js';
import { enrichmentsFor } from '../text/text-service.js';
import type { TouchpointCatalog } from '../touchpoints/touchpoint-catalog.js';
import { firstScore } from './answer-validation.js';
import type { FatigueLedger } from './fatigue.js';
import type { JourneyBuffer } from './journey-buffer.js';
import { PendingResponses } from './pending-responses.js';
import { type BatchStages, PipelinedBatches } from './pipelined-batches.js';
import { ingestSurveyEvents, type SurveyEvent } from './respondent.js';
import type { RespondentCache } from './respondent-cache.js';
import {
  type Decision,
  decide,
  foldStep,
  groupBy,
  inSubmissionOrder,
  isCreated,
  responseRecord,
  type Submission,
  type SubmitOutcome,
  storedAsParsed,
} from './response-batch.js';
import type { ResponseIdFilter } from './response-id-filter.js';
import type { SurveyCatalog } from './survey-catalog.js';
import type { SurveyServices } from './survey-services.js';

export type { Submission, SubmitOutcome } from './response-batch.js';

/** The parts of the survey services the writer works with. */
type WriterServices = Pick<
  SurveyServices,
  'respondents' | 'responseIds' | 'catalog' | 'ledger' | 'journeys' | 'touchpoints' | 'now'
>;

/** A batch after stage one: every submission decided, the accepted ones' events ingested. */
interface PreparedBatch {
  batch: Submission[];
  decisions: Decision[];
  accepted: Decision[];
  at: string;
}

/** The kind of the writer's records in the ingest journal. */
const journalKind = 'survey-responses';

/** Responses per store transaction at most when several journaled batches are stored together. */
const maxResponsesPerApply = 5_000;

interface JournaledBatch {
  batch: ResponseBatch;
  /** Its journal write is done (only durable batches are stored early, with another). */
  durable: boolean;
  applied: boolean;
}

/** One batch with the rows of several (their responses are distinct). */
function mergeBatches(batches: ResponseBatch[]): ResponseBatch {
  if (batches.length === 1) return batches[0] as ResponseBatch;
  return {
    responses: batches.flatMap((b) => b.responses),
    answers: batches.flatMap((b) => b.answers),
    contacts: batches.flatMap((b) => b.contacts),
    enrichments: batches.flatMap((b) => b.enrichments ?? []),
    created: new Set(batches.flatMap((b) => [...(b.created ?? [])])),
  };
}

/**
 * Durable response submissions with group commit in two stages (pipelined-batches.ts). Stage one decides every
 * submission of a batch from one read of the responses it touches (plus the responses acknowledged but not yet
 * stored, pending-responses.ts), then sends the timeline events of all accepted ones through ingestion in one
 * round, which resolves first-time respondents' profiles. Stage two builds the responses, answers, text
 * enrichments and ledger entries and appends them to the ingest journal as one record; once it is on disk each
 * request is answered, and the journal's applier stores the record in one transaction, after the events before
 * it. Per-request commits capped near a few hundred responses/s on DuckDB (GUIDE §3), and a response waiting for
 * two store transactions paid every checkpoint's stall. A submission that fails validation (a required question
 * missing on completion) sends and stores nothing.
 */
export class ResponseWriter {
  private readonly queue: PipelinedBatches<Submission, PreparedBatch, SubmitOutcome>;
  /** Responses in the journal and not yet in the store. */
  private readonly pending = new PendingResponses();
  /** Batches written to the journal (or being written), in journal order, until stored. */
  private unapplied: JournaledBatch[] = [];

  private readonly respondents: RespondentCache;
  private readonly responseIds: ResponseIdFilter;
  private readonly catalog: SurveyCatalog;
  private readonly ledger: FatigueLedger;
  private readonly journeys: JourneyBuffer;
  private readonly touchpoints: TouchpointCatalog;
  private readonly now: Clock;

  constructor(
    private readonly store: Store,
    private readonly ingestor: Ingestor,
    services: Omit<WriterServices, 'store' | 'ingestor'>,
  ) {
    ({
      respondents: this.respondents,
      responseIds: this.responseIds,
      catalog: this.catalog,
      ledger: this.ledger,
      journeys: this.journeys,
      touchpoints: this.touchpoints,
      now: this.now,
    } = services);
    const stages: BatchStages<Submission, PreparedBatch, SubmitOutcome> = {
      prepare: (batch) => this.prepare(batch),
      store: (prepared) => this.commit(prepared),
      key: (s) => s.responseId,
    };
    ingestor.onReplay(journalKind, (body) => this.store.surveys.responses.commit(decodeBatch(body)));
    this.queue = new PipelinedBatches(stages, {
      maxPendingItems: 50_000,
      maxBatchItems: 2_000,
      retryAfterSeconds: 1,
    });
  }

  /** After a restore: the journal's pending writes were dropped with the old data. */
  forgetPending(): void {
    this.pending.forgetAll();
    this.unapplied = [];
  }

  submit(submission: Submission): Promise<SubmitOutcome> {
    return this.queue.submit(submission);
  }

  drain(): Promise<void> {
    return this.queue.drain();
  }

  private async prepare(batch: Submission[]): Promise<PreparedBatch> {
    const at = this.now().toISOString();
    const decisions: Decision[] = [];
    for (const [workspaceId, items] of groupBy(batch, (s) => s.workspaceId)) {
      decisions.push(...(await this.decideWorkspace(workspaceId, items)));
    }
    const accepted = await this.sendEvents(decisions.filter((d) => d.outcome.ok));
    return { batch, decisions, accepted, at };
  }

  private async commit({ batch, decisions, accepted, at }: PreparedBatch): Promise<SubmitOutcome[]> {
    const { responses, answers, contacts, texts, created } = await this.rowsOf(accepted, at);
    if (responses.length) {
      // Open-text answers are enriched (language, sentiment, topics, PII spans) in the same transaction as the
      // answers, so the analyses and redacted views never see an answer without its enrichment.
      const enrichments = texts.length ? await enrichmentsFor(this.store, texts, this.now()) : [];
      await this.journal({ responses, answers, contacts, enrichments, created }, accepted);
    }
    await this.ledger.remember(contacts);
    for (const [key, list] of groupBy(
      accepted.filter(isCreated),
      (d) => `${d.submission.workspaceId}\0${d.submission.surveyId}`,
    )) {
      const [workspaceId, surveyId] = key.split('\0') as [string, string];
      await this.catalog.countNewResponses(workspaceId, surveyId, list.length);
    }
    return inSubmissionOrder(batch, decisions);
  }

  /** The rows a batch of accepted submissions writes; a response's first step takes its journey snapshot. */
  private async rowsOf(accepted: Decision[], at: string) {
    const responses: ResponseRecord[] = [];
    const answers: AnswerRecord[] = [];
    const contacts: ContactRecord[] = [];
    const texts: TextAnswer[] = [];
    const created = new Set<string>();
    for (const [workspaceId, items] of groupBy(accepted, (d) => d.submission.workspaceId)) {
      const fresh = items.filter(isCreated);
      const profiles = fresh.flatMap((d) => (d.profileId ? [d.profileId] : []));
      const journeys = profiles.length ? await this.journeys.journeys(workspaceId, profiles, at) : new Map();
      const registry = fresh.length ? await this.touchpoints.list(workspaceId) : [];
      const records = new Map<string, ResponseRecord>();
      for (const d of items) {
        const s = d.submission;
        const profileId = d.profileId ?? null;
        const record = records.get(s.responseId);
        // Later steps of a response in the same batch move it on exactly as the upsert would (first write fixes
        // start, profile and snapshot; status only moves forward; the latest hidden fields win).
        if (record) foldStep(record, d, at);
        else {
          const steps = profileId ? (journeys.get(profileId) ?? []) : [];
          records.set(s.responseId, responseRecord(d, at, steps, registry));
        }
        if (isCreated(d)) {
          created.add(s.responseId);
          // Before the commit, so no later existence check can take it for absent (response-id-filter.ts).
          this.responseIds.add(workspaceId, [s.responseId]);
          if (profileId) {
            contacts.push({
              workspaceId,
              profileId,
              surveyId: s.surveyId,
              channel: s.channel,
              kind: 'answered',
              at,
            });
          }
        }
        for (const a of s.answers) {
          const keyed = { workspaceId, responseId: s.responseId, profileId, answeredAt: at };
          answers.push({ ...a, ...keyed, surveyId: s.surveyId });
          if (a.questionType === 'text' && a.textValue)
            texts.push({ ...keyed, questionId: a.questionId, text: a.textValue });
        }
      }
      responses.push(...records.values());
    }
    return { responses, answers, contacts, texts, created };
  }

  /**
   * Writes the batch to the journal (durable once this resolves) and lays its steps over the store until the
   * applier has stored it; a failed write takes them back.
   */
  private async journal(stored: ResponseBatch, accepted: Decision[]): Promise<void> {
    const steps = [...groupBy(accepted, (d) => d.submission.workspaceId)].map(([workspaceId, items]) => ({
      workspaceId,
      steps: items.map((d) => ({
        responseId: d.submission.responseId,
        status: d.outcome.ok ? d.outcome.status : ('partial' as const),
        answers: d.submission.answers,
      })),
    }));
    // Laid over the store before the journal write: the applier may store the batch as soon as it is written.
    for (const w of steps) this.pending.journaled(w.workspaceId, w.steps);
    const queued = { batch: stored, durable: false, applied: false };
    this.unapplied.push(queued);
    try {
      await this.ingestor.journalWrite(
        journalKind,
        [encodeBatch(stored)],
        () => this.apply(queued),
        stored.responses.length,
      );
      queued.durable = true;
    } catch (error) {
      this.unapplied = this.unapplied.filter((q) => q !== queued);
      for (const w of steps)
        this.pending.stored(
          w.workspaceId,
          w.steps.map((step) => step.responseId),
        );
      throw error;
    }
  }

  /**
   * Stores a journaled batch, together with the durable batches after it that touch other responses (one
   * transaction instead of one each; a response's later step waits for its own transaction). Their events may
   * still be on the way to the store: nothing reads responses and events together before both are there (API
   * reads wait for every acknowledged write). A batch already stored with an earlier one is done.
   */
  private async apply(queued: JournaledBatch): Promise<void> {
    if (queued.applied) return;
    const taken: JournaledBatch[] = [];
    const ids = new Set<string>();
    let rows = 0;
    for (const q of this.unapplied) {
      if (q !== queued && !q.durable) break;
      const batchIds = q.batch.responses.map((r) => `${r.workspaceId}\0${r.id}`);
      if (
        taken.length &&
        (rows + q.batch.responses.length > maxResponsesPerApply || batchIds.some((id) => ids.has(id)))
      )
        break;
      for (const id of batchIds) ids.add(id);
      rows += q.batch.responses.length;
      taken.push(q);
    }
    await this.store.surveys.responses.commit(mergeBatches(taken.map((q) => q.batch)));
    for (const q of taken) {
      q.applied = true;
      for (const [workspaceId, records] of groupBy(q.batch.responses, (r) => r.workspaceId)) {
        this.pending.stored(
          workspaceId,
          records.map((r) => r.id),
        );
      }
    }
    this.unapplied = this.unapplied.filter((q) => !q.applied);
  }

  /**
   * One read of the responses a workspace's submissions touch (and the answers of those being completed), with
   * the steps acknowledged but not yet stored laid over it.
   */
  private async decideWorkspace(workspaceId: string, items: Submission[]): Promise<Decision[]> {
    const ids = [...new Set(items.map((s) => s.responseId))];
    // Brand-new response ids need no read: the filter knows they are not stored (nor journaled).
    const maybe = this.responseIds.maybeStored(workspaceId, ids);
    const existing = maybe.length
      ? await this.store.surveys.responses.statuses(workspaceId, [...maybe])
      : new Map<string, 'partial' | 'completed'>();
    const pending = this.pending.of(workspaceId, maybe);
    const completing = [
      ...new Set(
        items
          .filter((s) => s.completed && (existing.has(s.responseId) || pending.has(s.responseId)))
          .map((s) => s.responseId),
      ),
    ];
    const stored = groupBy(
      await this.store.surveys.responses.answers(workspaceId, completing),
      (a) => a.responseId,
    );
    const storedAnswers = new Map([...stored].map(([id, list]) => [id, list.map(storedAsParsed)]));
    for (const [id, step] of pending) {
      if (existing.get(id) !== 'completed') existing.set(id, step.status);
      const answers = new Map((storedAnswers.get(id) ?? []).map((a) => [a.questionId, a]));
      for (const a of step.answers) answers.set(a.questionId, a);
      storedAnswers.set(id, [...answers.values()]);
    }
    return decide(items, existing, storedAnswers);
  }

  /**
   * The timeline events of every accepted submission, all in one ingestion round: "Survey Response Submitted"
   * (a repeat is a no-op by its messageId) and, on completion, "Survey Completed" with the response's score.
   * Ingesting them creates a first-time respondent's profile, which the response is then keyed to. If a
   * workspace's events cannot be ingested (overload), its submissions fail and nothing of them is stored.
   */
  private async sendEvents(decisions: Decision[]): Promise<Decision[]> {
    const byWorkspace = [...groupBy(decisions, (d) => d.submission.workspaceId)];
    const sent = await Promise.allSettled(
      byWorkspace.map(async ([workspaceId, items]) => {
        const profiles = await ingestSurveyEvents(this.ingestor, workspaceId, items.map(surveyEventsOf), {
          visible: false,
        });
        items.forEach((d, i) => {
          d.profileId = d.submission.profileId ?? profiles[i] ?? null;
        });
        // Events that were all stored before (a retried submission) name no profile: ask the caches once those
        // events are in the store.
        const unknown = items.filter((d) => !d.profileId);
        if (unknown.length) await this.ingestor.caughtUp();
        for (const d of unknown)
          d.profileId = await this.respondents.profileAfterIngest(workspaceId, d.submission.ids);
      }),
    );
    return byWorkspace.flatMap(([, items], i) => {
      const result = sent[i];
      if (result?.status === 'fulfilled') return items;
      for (const d of items) d.outcome = { ok: false, error: result?.reason };
      return [];
    });
  }
}

function surveyEventsOf(d: Decision) {
  const s = d.submission;
  const stepScore = firstScore(s.definition, s.answers);
  const events: SurveyEvent[] = [
    {
      messageId: `${s.responseId}:submitted`,
      event: 'Survey Response Submitted',
      properties: {
        surveyId: s.surveyId,
        responseId: s.responseId,
        ...(stepScore === null ? {} : { score: stepScore }),
      },
    },
  ];
  // Sent only when the response is stored as completed: the batch checked the required questions on its path.
  if (s.completed && d.outcome.ok) {
    const score = d.outcome.score;
    events.push({
      messageId: `${s.responseId}:completed`,
      event: 'Survey Completed',
      properties: { surveyId: s.surveyId, responseId: s.responseId, ...(score === null ? {} : { score }) },
    });
  }
  return { ids: s.ids, events, context: s.eventContext };
}

/** A batch as a journal record (JSON; the set of new responses as a list). */
function encodeBatch(batch: ResponseBatch): Buffer {
  return Buffer.from(JSON.stringify({ ...batch, created: [...(batch.created ?? [])] }));
}

/**
 * A journaled batch read back after a crash. It may already be in the store (the crash came after its
 * transaction), so it is stored as a replay: upserts, and ledger entries only where missing.
 */
function decodeBatch(body: Buffer): ResponseBatch {
  const batch = JSON.parse(body.toString('utf8')) as ResponseBatch & { created: string[] };
  return { ...batch, created: new Set(), replayed: true };
}
