import { uuidv7 } from 'uuidv7';
import { notFound } from '../../errors/catalogue.js';
import type { AnswerRecord, ContactRecord, ResponseRecord } from '../../store/survey-port.js';
import type { TextAnswer } from '../../store/text-port.js';
import { auditIdentity } from '../access/actor.js';
import { canImportResponses, ensure } from '../access/permissions.js';
import { normaliseEmail } from '../collect/identity/message-identities.js';
import type { DomainContext } from '../context.js';
import { enrichAnswers } from '../text/text-service.js';
import { firstScore } from './answer-validation.js';
import {
  type CheckedImport,
  checkImport,
  type ImportedResponseInput,
  itemError,
} from './import-validation.js';
import { idsOfProfile, ingestSurveyEvents, type RespondentIds, stableUuid } from './respondent.js';
import { type AnsweredAt, journeyContext, touchpointOfAnswer } from './response-context.js';
import type { SurveyServices } from './survey-services.js';

export const maxImportedResponses = 1000;

export interface ImportResult {
  received: number;
  stored: number;
  duplicates: number;
  responses: { externalId: string; responseId: string; created: boolean }[];
}

interface Pending extends CheckedImport {
  surveyId: string;
  touchpoint: AnsweredAt;
  responseId: string;
  ids: RespondentIds;
  profileId: string | null;
  score: number | null;
  /** True once "Survey Response Submitted" went through ingestion (to create a first-time respondent). */
  submittedSent: boolean;
}

/** Steps kept in a response's journey snapshot, as for live responses (the last 10 events before answering). */
const journeySteps = 10;

/**
 * Stores historical responses (from another survey tool, a call-centre system, the demo world) at their own time:
 * all-or-nothing validation first (a 400 naming the item and field, nothing stored), then one transaction for the
 * responses, answers and contact-ledger entries, then the same timeline events as live responses
 * ("Survey Response Submitted", "Survey Completed"), dated at submittedAt. Idempotent by externalId: the response
 * id derives from it, so a repeated import finds the response and stores nothing new.
 */
export async function importResponses(
  ctx: DomainContext,
  services: SurveyServices,
  workspaceId: string,
  surveyId: string,
  inputs: ImportedResponseInput[],
): Promise<ImportResult> {
  ensure(canImportResponses(ctx.actor, workspaceId), 'import survey responses');
  const survey = await ctx.store.surveys.definitions.get(workspaceId, surveyId);
  if (!survey) throw notFound('Survey', surveyId);
  const definition = await services.catalog.version(workspaceId, surveyId, survey.currentVersion);
  if (!definition) throw notFound('Survey', surveyId);
  const checked = checkImport(definition, inputs, ctx.now());
  const responseIdOf = (c: CheckedImport) => stableUuid(workspaceId, surveyId, 'import', c.input.externalId);
  const existing = new Set(
    (await ctx.store.surveys.responses.getMany(workspaceId, checked.map(responseIdOf))).map((r) => r.id),
  );
  // Respondents are looked up for every item before anything is written, so an unknown e-mail stores nothing.
  const pending: Pending[] = [];
  for (const c of checked.filter((c) => !existing.has(responseIdOf(c)))) {
    pending.push({
      ...c,
      ...(await findRespondent(services, workspaceId, c)),
      surveyId,
      touchpoint: await touchpointOfAnswer(
        services,
        workspaceId,
        c.input.touchpointId,
        survey.settings.touchpointId,
        `body.responses.${c.index}.touchpointId`,
      ),
      responseId: responseIdOf(c),
      score: firstScore(definition, c.answers),
      submittedSent: false,
    });
  }
  await Promise.all(
    pending.filter((p) => !p.profileId).map((p) => createRespondent(services, workspaceId, p)),
  );
  await storeResponses(ctx, services, workspaceId, survey.currentVersion, pending);
  await Promise.all(pending.map((p) => sendEvents(services, workspaceId, p)));
  const result: ImportResult = {
    received: inputs.length,
    stored: pending.length,
    duplicates: inputs.length - pending.length,
    responses: checked.map((c) => ({
      externalId: c.input.externalId,
      responseId: responseIdOf(c),
      created: !existing.has(responseIdOf(c)),
    })),
  };
  await ctx.store.audit.append({
    id: uuidv7(),
    workspaceId,
    ...auditIdentity(ctx.actor),
    action: 'responses.import',
    targetType: 'survey',
    targetId: surveyId,
    details: { received: result.received, stored: result.stored, duplicates: result.duplicates },
    ip: ctx.ip,
    at: ctx.now().toISOString(),
  });
  return result;
}

async function findRespondent(
  services: SurveyServices,
  workspaceId: string,
  c: CheckedImport,
): Promise<{ ids: RespondentIds; profileId: string | null }> {
  const { userId, anonymousId, email } = c.input.profile;
  if (userId || anonymousId) {
    const ids = { userId, anonymousId };
    return { ids, profileId: await services.respondents.profileOf(workspaceId, ids) };
  }
  // An e-mail address names a customer the workspace already knows; it cannot create a profile by itself.
  const profileId = await services.store.profiles.findByIdentity(
    workspaceId,
    'email',
    normaliseEmail(email ?? ''),
  );
  if (!profileId) throw itemError(c.index, 'profile.email', 'no profile has this e-mail address');
  return { ids: await idsOfProfile(services.store, workspaceId, profileId), profileId };
}

const submittedEvent = (p: Pending) => ({
  messageId: `${p.responseId}:submitted`,
  event: 'Survey Response Submitted',
  properties: {
    surveyId: p.surveyId,
    responseId: p.responseId,
    ...(p.score === null ? {} : { score: p.score }),
  },
  timestamp: p.submittedAt,
});

const eventContext = (p: Pending) => ({ channel: p.channel, locale: p.language, userAgent: null });

/** A first-time respondent: ingesting the submitted event creates the profile the response is keyed to. */
async function createRespondent(services: SurveyServices, workspaceId: string, p: Pending): Promise<void> {
  await ingestSurveyEvents(services.ingestor, workspaceId, p.ids, [submittedEvent(p)], eventContext(p));
  p.submittedSent = true;
  p.profileId = await services.respondents.profileAfterIngest(workspaceId, p.ids);
}

/** The response's events on the timeline, dated when it was submitted; messageIds derive from the response id. */
async function sendEvents(services: SurveyServices, workspaceId: string, p: Pending): Promise<void> {
  const completed = {
    messageId: `${p.responseId}:completed`,
    event: 'Survey Completed',
    properties: {
      surveyId: p.surveyId,
      responseId: p.responseId,
      ...(p.score === null ? {} : { score: p.score }),
    },
    timestamp: p.submittedAt,
  };
  const events = p.submittedSent ? [completed] : [submittedEvent(p), completed];
  await ingestSurveyEvents(services.ingestor, workspaceId, p.ids, events, eventContext(p));
}

/**
 * The journey snapshot of each response: the profile's last steps before its own submittedAt. One read for the
 * whole request (up to `journeySteps` × 10 recent events per profile before the latest answer), then cut per
 * response; a profile with more events between two of its answers gets a shorter snapshot for the earlier one.
 */
async function journeysBefore(services: SurveyServices, workspaceId: string, pending: Pending[]) {
  const profiles = [...new Set(pending.map((p) => p.profileId).filter((id): id is string => id !== null))];
  // ISO-8601 UTC strings of one format sort by time.
  const latest =
    pending
      .map((p) => p.submittedAt)
      .sort()
      .at(-1) ?? '';
  if (!profiles.length) return () => [];
  const recent = await services.store.surveys.responses.recentEvents(
    workspaceId,
    profiles,
    latest,
    journeySteps * 10,
  );
  return (p: Pending) =>
    (recent.get(p.profileId ?? '') ?? [])
      .filter((step) => Date.parse(step.at) <= Date.parse(p.submittedAt))
      .slice(0, journeySteps);
}

async function storeResponses(
  ctx: DomainContext,
  services: SurveyServices,
  workspaceId: string,
  version: number,
  pending: Pending[],
): Promise<void> {
  if (!pending.length) return;
  const stepsOf = await journeysBefore(services, workspaceId, pending);
  const registry = await services.touchpoints.list(workspaceId);
  const responses: ResponseRecord[] = [];
  const answers: AnswerRecord[] = [];
  const contacts: ContactRecord[] = [];
  const texts: TextAnswer[] = [];
  for (const p of pending) {
    const steps = stepsOf(p);
    const context = journeyContext(p.touchpoint, steps, registry);
    responses.push({
      id: p.responseId,
      workspaceId,
      surveyId: p.surveyId,
      surveyVersion: version,
      profileId: p.profileId,
      channel: p.channel,
      touchpointId: p.touchpoint?.id ?? null,
      journeyStage: context.journeyStage,
      locale: p.language,
      device: null,
      status: 'completed',
      startedAt: p.startedAt,
      updatedAt: p.submittedAt,
      completedAt: p.submittedAt,
      journeyContext: { ...context, imported: true },
      clientKey: `import:${p.input.externalId}`,
      hiddenFields: p.input.hiddenFields ?? null,
    });
    for (const a of p.answers) {
      const keyed = {
        workspaceId,
        responseId: p.responseId,
        profileId: p.profileId,
        answeredAt: p.submittedAt,
      };
      answers.push({ ...a, ...keyed, surveyId: p.surveyId });
      if (a.questionType === 'text' && a.textValue)
        texts.push({ ...keyed, questionId: a.questionId, text: a.textValue });
    }
    if (p.profileId)
      contacts.push({
        workspaceId,
        profileId: p.profileId,
        surveyId: p.surveyId,
        channel: p.channel,
        kind: 'answered',
        at: p.submittedAt,
      });
  }
  await ctx.store.surveys.responses.commit({ responses, answers, contacts });
  // The same follow-ups as the live response writer: fatigue cache, text enrichment, the quota counter.
  await services.ledger.remember(contacts);
  if (texts.length) await enrichAnswers(ctx.store, texts, ctx.now());
  await services.catalog.countNewResponses(workspaceId, pending[0]?.surveyId ?? '', pending.length);
}
