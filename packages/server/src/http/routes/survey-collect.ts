import { AnswerInput } from '@cairn/protocol';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { writeKeyFromBasicAuth } from '../../domains/collect/write-key-resolver.js';
import { eligibleSurvey, recordShown } from '../../domains/surveys/eligibility.js';
import { submitResponse } from '../../domains/surveys/submit-response.js';
import type { SurveyServices } from '../../domains/surveys/survey-services.js';
import { CairnError } from '../../errors/catalogue.js';
import { parseWellFormed } from '../../well-formed.js';
import { installCollectScope } from '../collect-scope.js';
import { ErrorEnvelope, Uuid } from '../schemas.js';
import type { RouteDependencies } from './index.js';

const Id = Type.String({ minLength: 1, maxLength: 256 });
const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
  429: ErrorEnvelope,
  503: ErrorEnvelope,
};
export const ResponseBody = Type.Object({
  clientKey: Type.String({
    minLength: 8,
    maxLength: 128,
    description: 'Idempotency key chosen by the client per response: the same key updates the same response.',
  }),
  anonymousId: Type.Optional(Id),
  userId: Type.Optional(Id),
  locale: Type.Optional(Type.String({ maxLength: 35 })),
  channel: Type.Optional(
    Type.String({
      maxLength: 16,
      description: 'web | app | email | sms | chat | social | store | phone | other (default web)',
    }),
  ),
  version: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Survey version shown (from eligibility); default: current.' }),
  ),
  answers: Type.Array(AnswerInput, { maxItems: 100 }),
  completed: Type.Boolean(),
  hiddenFields: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 500 }))),
  touchpointId: Type.Optional(
    Type.String({
      maxLength: 64,
      description:
        "The touchpoint the survey was offered at (eligibility's touchpointId); default: the one the survey measures.",
    }),
  ),
  context: Type.Optional(
    Type.Object({
      page: Type.Optional(Type.Object({ url: Type.Optional(Type.String({ maxLength: 2000 })) })),
    }),
  ),
  writeKey: Type.Optional(Type.String({ maxLength: 200 })),
});
const SubmitResult = Type.Object({
  responseId: Type.String(),
  status: Type.Union([Type.Literal('partial'), Type.Literal('completed')]),
  created: Type.Boolean({ description: 'false when this clientKey had already started the response' }),
});

/** SDK endpoints of surveys, authenticated by the write key and served with the ingestion API's CORS rules. */
export async function surveyCollectRoutes(
  app: FastifyInstance,
  deps: RouteDependencies & { services: SurveyServices },
): Promise<void> {
  // The ingestion scope already answers CORS preflights (OPTIONS *) for every /v1 path, these included.
  await installCollectScope(app, () => 'message', { preflightRoute: false });
  const { services } = deps;
  const rateLimit = {
    max: deps.config.ingestRateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) =>
      writeKeyFromBasicAuth(request.headers.authorization) ?? request.ip,
  };
  const config = { access: { kind: 'write-key' as const }, rateLimit };
  const workspaceOf = async (request: FastifyRequest, fallbackKey: string | undefined) => {
    const key = writeKeyFromBasicAuth(request.headers.authorization) ?? fallbackKey;
    const workspaceId = await deps.writeKeys.workspaceFor(key);
    if (!workspaceId) throw new CairnError('CAIRN_INVALID_WRITE_KEY');
    return workspaceId;
  };
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/v1/surveys/:surveyId/responses',
    {
      config,
      schema: {
        tags: ['surveys'],
        summary: 'Submit answers of one respondent, step by step.',
        description:
          'Write key as Basic-auth user (or writeKey in the body). The same clientKey updates the same response: ' +
          'earlier answers are kept, an answer to the same question replaces the earlier one, status only moves to ' +
          'completed. Answers are checked against the survey version (CAIRN_ANSWER_INVALID names the question); ' +
          "completing checks every required question on the respondent's path. The response is linked to the profile " +
          '(userId, else anonymousId), snapshots the last 10 events before it, and appears on the timeline as ' +
          '`Survey Response Submitted` / `Survey Completed` events (properties surveyId, responseId, score). ' +
          'Answered after the response is durable. 409 CAIRN_SURVEY_NOT_OPEN when the survey is not live.',
        security: [{ writeKeyBasic: [] }],
        params: Type.Object({ surveyId: Uuid }),
        body: ResponseBody,
        response: { 200: SubmitResult, ...errors },
      },
    },
    async (request) => {
      const workspaceId = await workspaceOf(request, request.body.writeKey);
      return submitResponse(services, workspaceId, request.params.surveyId, request.body, {
        userAgent: request.headers['user-agent'] ?? null,
      });
    },
  );

  r.get(
    '/v1/surveys/eligible',
    {
      config,
      schema: {
        tags: ['surveys'],
        summary: 'Is there a survey for this visitor now?',
        description:
          'Checks live status, trigger (event, URL glob, touchpoints), targeting (traits, segments, sampling — deterministic per profile and ' +
          'survey) and the fatigue budget (global cooldown, per-survey cooldown, maximum surveys per period across all ' +
          "channels). The definition comes with every text resolved to one language: the profile's locale trait, " +
          'else `locale`, else the survey default. A trigger on touchpoints maps the event (with `properties`) or the ' +
          "page URL by the touchpoint registry's rules, the same way the analyses do; the offer names the touchpoint " +
          'the answer will be recorded at. Write key as Basic-auth user or ?writeKey=.',
        security: [{ writeKeyBasic: [] }],
        querystring: Type.Object({
          anonymousId: Type.Optional(Id),
          userId: Type.Optional(Id),
          url: Type.Optional(Type.String({ maxLength: 2000 })),
          event: Type.Optional(Type.String({ maxLength: 256 })),
          properties: Type.Optional(
            Type.String({ maxLength: 2000, description: "The event's properties as a JSON object." }),
          ),
          locale: Type.Optional(Type.String({ maxLength: 35 })),
          writeKey: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: {
          200: Type.Object({
            survey: Type.Union([
              Type.Null(),
              Type.Object({
                id: Type.String(),
                version: Type.Integer(),
                definition: Type.Record(Type.String(), Type.Unknown()),
                trigger: Type.Record(Type.String(), Type.Unknown()),
                display: Type.Record(Type.String(), Type.Unknown()),
                touchpointId: Type.Union([Type.String(), Type.Null()]),
              }),
            ]),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const workspaceId = await workspaceOf(request, request.query.writeKey);
      reply.header('cache-control', 'no-store');
      const { properties, ...query } = request.query;
      const survey = await eligibleSurvey(services, workspaceId, {
        ...query,
        properties: parseJsonObject(properties, 'querystring.properties'),
      });
      return { survey };
    },
  );

  r.post(
    '/v1/surveys/:surveyId/shown',
    {
      config,
      schema: {
        tags: ['surveys'],
        summary: 'Record that the SDK showed a survey.',
        description:
          'Adds a `shown` contact to the fatigue ledger (so no channel contacts the visitor again within the cooldowns) ' +
          'and a `Survey Shown` event to the timeline (at most one per survey and day).',
        security: [{ writeKeyBasic: [] }],
        params: Type.Object({ surveyId: Uuid }),
        body: Type.Object({
          anonymousId: Type.Optional(Id),
          userId: Type.Optional(Id),
          channel: Type.Optional(Type.Union([Type.Literal('web'), Type.Literal('app')])),
          writeKey: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: Type.Object({ recorded: Type.Boolean() }), ...errors },
      },
    },
    async (request) => {
      const workspaceId = await workspaceOf(request, request.body.writeKey);
      const { profileId } = await recordShown(services, workspaceId, request.params.surveyId, request.body, {
        channel: request.body.channel ?? 'web',
        userAgent: request.headers['user-agent'] ?? null,
      });
      return { recorded: profileId !== null };
    },
  );
}

/** A JSON object passed as one query parameter, or a 400 naming the parameter. */
function parseJsonObject(text: string | undefined, field: string): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = parseWellFormed(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CairnError('CAIRN_VALIDATION_FAILED', { summary: `${field}: must be a JSON object` });
  }
  return value as Record<string, unknown>;
}
