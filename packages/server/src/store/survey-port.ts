/**
 * The part of the storage port that holds surveys, their versions, responses and answers (migration 0004), and
 * the contact ledger and workspace survey settings (migration 0006).
 * Same conventions as port.ts: ISO-8601 UTC strings for times, plain objects for JSON.
 */
import type { SurveyDefinition, SurveySettings, SurveyStatus } from '@cairn/protocol';
import type { PlannedFilter } from './analytics-port.js';
import type { AuditRepo, Page } from './port.js';
import type { EnrichmentRecord } from './text-port.js';

export interface SurveyRecord {
  id: string;
  workspaceId: string;
  name: string;
  status: SurveyStatus;
  currentVersion: number;
  settings: SurveySettings;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyVersionRecord {
  surveyId: string;
  workspaceId: string;
  version: number;
  definition: SurveyDefinition;
  createdAt: string;
}

export interface SurveyRepo {
  insert(survey: SurveyRecord): Promise<void>;
  get(workspaceId: string, id: string): Promise<SurveyRecord | null>;
  /** Newest first. */
  list(workspaceId: string): Promise<SurveyRecord[]>;
  /** Every survey with status live, in all workspaces (the in-memory cache of the eligibility check loads these). */
  listLive(): Promise<SurveyRecord[]>;
  update(survey: SurveyRecord): Promise<void>;
  insertVersion(version: SurveyVersionRecord): Promise<void>;
  getVersion(workspaceId: string, surveyId: string, version: number): Promise<SurveyVersionRecord | null>;
}

export type ResponseStatus = 'partial' | 'completed';

export interface ResponseRecord {
  id: string;
  workspaceId: string;
  surveyId: string;
  surveyVersion: number;
  profileId: string | null;
  channel: string;
  touchpointId: string | null;
  journeyStage: string | null;
  locale: string;
  device: string | null;
  status: ResponseStatus;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
  journeyContext: Record<string, unknown>;
  clientKey: string | null;
  hiddenFields: Record<string, string> | null;
}

export interface AnswerRecord {
  workspaceId: string;
  responseId: string;
  surveyId: string;
  profileId: string | null;
  questionId: string;
  questionType: string;
  numberValue: number | null;
  textValue: string | null;
  jsonValue: unknown;
  answeredAt: string;
  timeSpentMs: number | null;
}

export interface ResponseFilter {
  workspaceId: string;
  /** One survey's responses, or (undefined) those of every survey of the workspace. */
  surveyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Range on the first scale answer (nps/csat/ces/rating) of the response. */
  minScore?: number | undefined;
  maxScore?: number | undefined;
  channel?: string | undefined;
  touchpointId?: string | undefined;
  status?: ResponseStatus | undefined;
  /** Case-insensitive substring of any text answer. */
  text?: string | undefined;
  /** Only responses whose (canonical) profile meets every condition: a segment's trait conditions, planned. */
  segmentConditions?: PlannedFilter[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** An event before an answer, as the journey snapshot keeps it. */
export interface JourneyStepRecord {
  event: string | null;
  type: string;
  channel: string;
  page: string | null;
  at: string;
}

export interface ResponseBatch {
  responses: ResponseRecord[];
  answers: AnswerRecord[];
  contacts: ContactRecord[];
  /** Enrichments of the batch's open-text answers (domains/text), stored with them. */
  enrichments?: EnrichmentRecord[] | undefined;
  /**
   * Ids of responses the caller checked are not stored yet: written as plain appends instead of upserts, the
   * cheaper path. A wrong claim costs a retry of the batch with upserts, never a different result.
   */
  created?: ReadonlySet<string> | undefined;
  /**
   * Written again after a crash (from the ingest journal): it may already be stored, so ledger entries already
   * present are not added twice (responses, answers and enrichments are upserts then anyway).
   */
  replayed?: boolean | undefined;
}

export interface SurveyResponseRepo {
  /**
   * Stores responses, their answers, ledger entries and text enrichments in one transaction. A response that
   * exists keeps its start, version, profile and journey context; its status only moves forward
   * (partial → completed); answers and enrichments replace earlier ones of the same question.
   */
  commit(batch: ResponseBatch): Promise<void>;
  get(workspaceId: string, id: string): Promise<ResponseRecord | null>;
  getMany(workspaceId: string, ids: string[]): Promise<ResponseRecord[]>;
  /** The workspace's response ids in id order, `limit` at a time after `after` (to build an in-memory index). */
  ids(workspaceId: string, after: string | null, limit: number): Promise<string[]>;
  /** Status of each of these responses that exists in the workspace: the response writers' existence check. */
  statuses(workspaceId: string, ids: string[]): Promise<Map<string, ResponseRecord['status']>>;
  answers(workspaceId: string, responseIds: string[]): Promise<AnswerRecord[]>;
  /** Newest first (started_at, id). */
  list(filter: ResponseFilter): Promise<Page<ResponseRecord>>;
  /**
   * Deletes a response and everything derived from it, in one transaction: its answers, their text enrichments
   * and topic mentions, and the response's own events on the timeline. False when it did not exist.
   */
  remove(workspaceId: string, id: string): Promise<boolean>;
  count(workspaceId: string, surveyId: string): Promise<number>;
  /** Profiles among `profileIds` with any response (partial or completed) to the survey. */
  respondents(workspaceId: string, surveyId: string, profileIds: string[]): Promise<string[]>;
  /**
   * For each item, the last `limit` events of its profile (merged profiles' events included) at or before its own
   * `before`, survey events excluded, newest first, keyed by the item's `key` (historical answers, each at its
   * own time).
   */
  journeysBefore(
    workspaceId: string,
    items: { key: string; profileId: string; before: string }[],
    limit: number,
  ): Promise<Map<string, JourneyStepRecord[]>>;
  /** Last `limit` events of each profile before `before`, survey events excluded, newest first. */
  recentEvents(
    workspaceId: string,
    profileIds: string[],
    before: string,
    limit: number,
  ): Promise<
    Map<string, { event: string | null; type: string; channel: string; page: string | null; at: string }[]>
  >;
}

export type ContactKind = 'shown' | 'invited' | 'answered';

export interface ContactRecord {
  workspaceId: string;
  profileId: string;
  surveyId: string;
  channel: string;
  kind: ContactKind;
  at: string;
}

export interface ContactLedgerRepo {
  append(contacts: ContactRecord[]): Promise<void>;
  /** Contacts of the profiles since `since`, newest first. */
  since(workspaceId: string, profileIds: string[], since: string): Promise<ContactRecord[]>;
  /** Every contact of the workspace since `since`, newest first, at most `limit` (the in-memory ledger loads these). */
  workspaceSince(workspaceId: string, since: string, limit: number): Promise<ContactRecord[]>;
}

/**
 * Whole-workspace snapshots for the in-memory respondent directory of the eligibility check: with them loaded, a
 * visitor the directory does not know has no profile, and a profile without cached traits has none (no store read).
 */
export interface SurveyRespondentRepo {
  /** At most `limit` identities (kind user_id / anonymous_id) of the workspace with their profile. */
  identities(
    workspaceId: string,
    limit: number,
  ): Promise<{ kind: 'user_id' | 'anonymous_id'; value: string; profileId: string }[]>;
  /** Current traits (last write by event time) of at most `limit` profiles of the workspace. */
  traits(
    workspaceId: string,
    limit: number,
  ): Promise<{ profileId: string; trait: string; value: unknown; observedAt: string }[]>;
}

export interface WorkspaceSurveySettingsRepo {
  get(workspaceId: string): Promise<Record<string, unknown> | null>;
  put(workspaceId: string, settings: Record<string, unknown>, at: string): Promise<void>;
}

/** One e-mail invitation of a profile to a survey (migration 0008). */
export interface InvitationRecord {
  id: string;
  workspaceId: string;
  surveyId: string;
  profileId: string;
  email: string;
  locale: string;
  /** Origin the links were built from; reminders reuse it. */
  baseUrl: string;
  sentAt: string;
  reminderDueAt: string | null;
  remindedAt: string | null;
  respondedAt: string | null;
}

export interface ScheduledInvitation {
  workspaceId: string;
  surveyId: string;
  profileId: string;
  /** The trigger event's messageId. */
  messageId: string;
  dueAt: string;
}

/** Link and e-mail distribution: invitations, unsubscribes, and finding a survey's workspace from a public link. */
export interface SurveyDistributionRepo {
  /** The workspace of a survey, for public links that carry only the survey id. */
  workspaceOfSurvey(surveyId: string): Promise<string | null>;
  insertInvitations(invitations: InvitationRecord[]): Promise<void>;
  /**
   * Invitations whose reminder is due at `now`, not yet reminded, whose profile has no completed response to the
   * survey (survey_responses joined by profile and survey) and has not unsubscribed.
   */
  dueReminders(now: string, workspaceId?: string, surveyId?: string): Promise<InvitationRecord[]>;
  markReminded(ids: string[], at: string): Promise<void>;
  unsubscribe(workspaceId: string, profileId: string, at: string): Promise<void>;
  /** The profiles among `profileIds` that unsubscribed from survey e-mails. */
  unsubscribed(workspaceId: string, profileIds: string[]): Promise<string[]>;
  /** Invitations a trigger event asked for; one per (survey, profile, event message), repeats are ignored. */
  scheduleInvitations(rows: ScheduledInvitation[]): Promise<void>;
  /** Scheduled invitations due at `now` and not sent yet, oldest first. */
  dueScheduled(now: string, workspaceId?: string, surveyId?: string): Promise<ScheduledInvitation[]>;
  markScheduledSent(rows: ScheduledInvitation[], at: string): Promise<void>;
}

export interface SurveyStore {
  definitions: SurveyRepo;
  distribution: SurveyDistributionRepo;
  responses: SurveyResponseRepo;
  contacts: ContactLedgerRepo;
  respondents: SurveyRespondentRepo;
  settings: WorkspaceSurveySettingsRepo;
  /** Survey changes and their audit entries commit together. */
  transaction<T>(work: (tx: { definitions: SurveyRepo; audit: AuditRepo }) => Promise<T>): Promise<T>;
}
