import { uuidv7 } from 'uuidv7';
import { notFound } from '../../errors/catalogue.js';
import type { AnswerRecord, ContactRecord, ResponseRecord } from '../../store/survey-port.js';
import type { TextAnswer } from '../../store/text-port.js';
import { auditIdentity } from '../access/actor.js';
import { canImportResponses, ensure } from '../access/permissions.js';
import { normaliseEmail } from '../collect/identity/message-identities.js';
import type { DomainContext } from '../context.js';
import { enrichmentsFor } from '../text/text-service.js';
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
}

/** Steps kept in a response's journey snapshot, as for live responses (the last 10 events before answering). */
const journeySteps = 10;

/**
 * Stores historical responses (from another survey tool, a call-centre system, the demo world) at their own time:
 * all-or-nothing validation first (a 400 naming the item and field, nothing stored), then the same timeline events
 * as live responses ("Survey Response Submitted", "Survey Completed", dated at submittedAt) in one ingestion round,
 * then one transaction for the responses, answers, text enrichments and contact-ledger entries. Idempotent by
 * externalId: the response id derives from it, so a repeated import finds the response and stores nothing new.
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
  const maybe = services.responseIds.maybeStored(workspaceId, checked.map(responseIdOf));
  const existing = new Set(
    maybe.length ? (await ctx.store.surveys.responses.statuses(workspaceId, [...maybe])).keys() : [],
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
    });
  }
  // Timeline events first, for the whole request in one ingestion round: ingesting them creates the profiles of
  // first-time respondents, which their responses are keyed to. Both are idempotent, so a failed store is retried
  // by repeating the import.
  await ingestSurveyEvents(services.ingestor, workspaceId, pending.map(eventsOf));
  for (const p of pending) p.profileId ??= await services.respondents.profileAfterIngest(workspaceId, p.ids);
  await storeResponses(ctx, services, workspaceId, survey.currentVersion, pending);
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

/** The response's events on the timeline, dated when it was submitted; messageIds derive from the response id. */
function eventsOf(p: Pending) {
  const properties = {
    surveyId: p.surveyId,
    responseId: p.responseId,
    ...(p.score === null ? {} : { score: p.score }),
  };
  return {
    ids: p.ids,
    events: [
      {
        messageId: `${p.responseId}:submitted`,
        event: 'Survey Response Submitted',
        properties,
        timestamp: p.submittedAt,
      },
      {
        messageId: `${p.responseId}:completed`,
        event: 'Survey Completed',
        properties,
        timestamp: p.submittedAt,
      },
    ],
    context: { channel: p.channel, locale: p.language, userAgent: null },
  };
}

/** The journey snapshot of each response: its profile's last steps before its own submittedAt, one read. */
async function journeysBefore(services: SurveyServices, workspaceId: string, pending: Pending[]) {
  const items = pending.flatMap((p) =>
    p.profileId ? [{ key: p.responseId, profileId: p.profileId, before: p.submittedAt }] : [],
  );
  const journeys = await services.store.surveys.responses.journeysBefore(workspaceId, items, journeySteps);
  return (p: Pending) => journeys.get(p.responseId) ?? [];
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
  // Appended, not upserted: these ids were checked absent above (the store falls back to upserts if one appeared).
  const enrichments = texts.length ? await enrichmentsFor(ctx.store, texts, ctx.now()) : [];
  const created = new Set(responses.map((r) => r.id));
  services.responseIds.add(workspaceId, created);
  await ctx.store.surveys.responses.commit({ responses, answers, contacts, enrichments, created });
  // The same follow-ups as the live response writer: fatigue cache and the quota counter.
  await services.ledger.remember(contacts);
  await services.catalog.countNewResponses(workspaceId, pending[0]?.surveyId ?? '', pending.length);
}
