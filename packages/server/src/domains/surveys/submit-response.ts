import { type AnswerInput, isChannel } from '@cairn/protocol';
import { CairnError, notFound } from '../../errors/catalogue.js';
import { parseUserAgent } from '../collect/steps/user-agent.js';
import { validateAnswers } from './answer-validation.js';
import { pickLanguage } from './localise.js';
import { idsOfProfile, type RespondentIds, stableUuid } from './respondent.js';
import { touchpointOfAnswer } from './response-context.js';
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
  /** The touchpoint the survey was offered at (from eligibility); default: the touchpoint the survey measures. */
  touchpointId?: string | undefined;
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
 * One step of a response (or all of it): validated against the survey version, then handed to the response
 * writer, whose group commit sends its timeline events through the ingestion pipeline (creating a first-time
 * respondent's profile) and stores it with its open-text enrichment; answered once both are committed.
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
  const touchpoint = await touchpointOfAnswer(
    services,
    workspaceId,
    input.touchpointId,
    cached.survey.settings.touchpointId,
    'body.touchpointId',
  );
  const channel = isChannel(input.channel) ? input.channel : 'web';
  const locale = pickLanguage(definition, [input.locale]);
  const responseId = stableUuid(workspaceId, surveyId, input.clientKey);
  let ids: RespondentIds = { anonymousId: input.anonymousId, userId: input.userId };
  if (facts.profileId) ids = await idsOfProfile(services.store, workspaceId, facts.profileId);
  // Without any identifier (an anonymous link answer) the response gets its own anonymous profile.
  if (!ids.userId && !ids.anonymousId) ids = { anonymousId: `survey-response:${responseId}` };

  // Known respondents come from memory; a first-time respondent gets its profile from the writer's ingestion
  // round, which also puts the response on the timeline.
  const profileId = facts.profileId ?? (await services.respondents.profileOf(workspaceId, ids));
  const outcome = await services.writer.submit({
    workspaceId,
    surveyId,
    version,
    definition,
    responseId,
    clientKey: input.clientKey,
    profileId,
    ids,
    eventContext: { channel, locale, pageUrl: input.context?.page?.url, userAgent: facts.userAgent },
    channel,
    locale,
    device: parseUserAgent(facts.userAgent).device,
    completed: input.completed,
    answers,
    hiddenFields: input.hiddenFields ?? null,
    touchpoint,
  });
  if (!outcome.ok) throw outcome.error;
  return { responseId, status: outcome.status, created: outcome.created };
}
