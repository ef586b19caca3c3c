import { type AnswerInput, isChannel } from '@cairn/protocol';
import { CairnError, notFound } from '../../errors/catalogue.js';
import { parseUserAgent } from '../collect/steps/user-agent.js';
import { enrichAnswers } from '../text/text-service.js';
import { firstScore, type ParsedAnswer, validateAnswers } from './answer-validation.js';
import { pickLanguage } from './localise.js';
import {
  findRespondent,
  idsOfProfile,
  ingestSurveyEvents,
  type RespondentIds,
  stableUuid,
} from './respondent.js';
import { effectiveStatus } from './survey-catalog.js';
import type { SurveyServices } from './survey-services.js';

export interface ResponseInput {
  clientKey: string;
  anonymousId?: string | undefined;
  userId?: string | undefined;
  locale?: string | undefined;
  channel?: string | undefined;
  /** The version the respondent saw (the SDK gets it from eligibility); default: the current version. */
  version?: number | undefined;
  answers: AnswerInput[];
  completed: boolean;
  hiddenFields?: Record<string, string> | undefined;
  context?: { page?: { url?: string | undefined } | undefined } | undefined;
}

export interface ResponseFacts {
  userAgent: string | null;
  /** Set when the respondent came through a signed personal link: the profile the link was made for. */
  profileId?: string | undefined;
}

export interface SubmitResult {
  responseId: string;
  status: 'partial' | 'completed';
  created: boolean;
}

async function openSurvey(services: SurveyServices, workspaceId: string, surveyId: string) {
  const cached = await services.catalog.liveSurvey(workspaceId, surveyId);
  if (cached) return cached;
  const survey = await services.store.surveys.definitions.get(workspaceId, surveyId);
  if (!survey) throw notFound('Survey', surveyId);
  const status = effectiveStatus(
    survey,
    services.now(),
    await services.store.surveys.responses.count(workspaceId, surveyId),
  );
  throw new CairnError('CAIRN_SURVEY_NOT_OPEN', { surveyId, status });
}

/**
 * One step of a response (or all of it): validated against the survey version, sent as events through the
 * ingestion pipeline (so the profile exists and the answer is on its timeline), then stored by group commit.
 * The same clientKey always maps to the same response, so retries and double submits update instead of duplicate.
 */
export async function submitResponse(
  services: SurveyServices,
  workspaceId: string,
  surveyId: string,
  input: ResponseInput,
  facts: ResponseFacts,
): Promise<SubmitResult> {
  const cached = await openSurvey(services, workspaceId, surveyId);
  const version = input.version ?? cached.survey.currentVersion;
  const definition = await services.catalog.version(workspaceId, surveyId, version);
  if (!definition || version > cached.survey.currentVersion) {
    throw new CairnError('CAIRN_VALIDATION_FAILED', {
      summary: `body.version: survey has no version ${version}`,
    });
  }
  const answers = validateAnswers(definition, input.answers);
  const hidden = Object.keys(input.hiddenFields ?? {}).find(
    (k) => !(definition.hiddenFields ?? []).includes(k),
  );
  if (hidden)
    throw new CairnError('CAIRN_VALIDATION_FAILED', {
      summary: `body.hiddenFields.${hidden}: not a hidden field of this survey`,
    });
  const channel = isChannel(input.channel) ? input.channel : 'web';
  const locale = pickLanguage(definition, [input.locale]);
  const responseId = stableUuid(workspaceId, surveyId, input.clientKey);
  let ids: RespondentIds = { anonymousId: input.anonymousId, userId: input.userId };
  if (facts.profileId) ids = await idsOfProfile(services.store, workspaceId, facts.profileId);
  // Without any identifier (an anonymous link answer) the response gets its own anonymous profile.
  if (!ids.userId && !ids.anonymousId) ids = { anonymousId: `survey-response:${responseId}` };

  const score = firstScore(definition, answers);
  const properties = { surveyId, responseId, ...(score === null ? {} : { score }) };
  const eventContext = { channel, locale, pageUrl: input.context?.page?.url, userAgent: facts.userAgent };
  const submitted = { messageId: `${responseId}:submitted`, event: 'Survey Response Submitted', properties };
  await ingestSurveyEvents(services.ingestor, workspaceId, ids, [submitted], eventContext);
  const profileId = facts.profileId ?? (await findRespondent(services.store, workspaceId, ids));
  const outcome = await services.writer.submit({
    workspaceId,
    surveyId,
    version,
    definition,
    responseId,
    clientKey: input.clientKey,
    profileId,
    channel,
    locale,
    device: parseUserAgent(facts.userAgent).device,
    completed: input.completed,
    answers,
    hiddenFields: input.hiddenFields ?? null,
  });
  if (!outcome.ok) throw outcome.error;
  await enrichTextAnswers(services, workspaceId, responseId, profileId, answers);
  // Sent only once the response is stored as completed (the writer checks required questions on the path).
  if (input.completed) {
    const final = { surveyId, responseId, ...(outcome.score === null ? {} : { score: outcome.score }) };
    const completed = { messageId: `${responseId}:completed`, event: 'Survey Completed', properties: final };
    await ingestSurveyEvents(services.ingestor, workspaceId, ids, [completed], eventContext);
  }
  return { responseId, status: outcome.status, created: outcome.created };
}

/**
 * Open-text answers are enriched (language, sentiment, topics, PII spans) as soon as they are stored, so the
 * analyses and redacted views never wait for a batch job. Enrichment is keyed to the response and the profile,
 * so deleting either removes it.
 */
async function enrichTextAnswers(
  services: SurveyServices,
  workspaceId: string,
  responseId: string,
  profileId: string | null,
  answers: ParsedAnswer[],
): Promise<void> {
  const answeredAt = services.now().toISOString();
  const texts = answers
    .filter((a) => a.questionType === 'text' && a.textValue)
    .map((a) => ({
      workspaceId,
      responseId,
      questionId: a.questionId,
      profileId,
      answeredAt,
      text: a.textValue as string,
    }));
  if (texts.length) await enrichAnswers(services.store, texts, services.now());
}
