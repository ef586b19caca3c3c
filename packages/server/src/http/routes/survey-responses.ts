import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  canDeleteResponses,
  canImportResponses,
  canReadResponses,
} from '../../domains/access/permissions.js';
import { deleteResponse } from '../../domains/surveys/delete-response.js';
import { importResponses, maxImportedResponses } from '../../domains/surveys/import-responses.js';
import type { ImportedResponseInput } from '../../domains/surveys/import-validation.js';
import { getResponse, listResponses, responsesCsv } from '../../domains/surveys/response-queries.js';
import type { SurveyServices } from '../../domains/surveys/survey-services.js';
import { domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { IsoTime, PageQuery, standardErrors, Uuid } from '../schemas.js';
import type { RouteDependencies } from './index.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Sentiment = Type.Object({ label: Type.String(), score: Type.Number() });
const Answer = Type.Object({
  questionId: Type.String(),
  questionType: Type.String(),
  numberValue: Nullable(Type.Number()),
  textValue: Nullable(Type.String()),
  jsonValue: Type.Unknown(),
  answeredAt: Type.String(),
  timeSpentMs: Nullable(Type.Integer()),
  insight: Type.Optional(
    Type.Object(
      {
        language: Type.String(),
        sentiment: Sentiment,
        topics: Type.Array(
          Type.Object({ id: Type.String(), sentiment: Sentiment, mentions: Type.Integer() }),
        ),
      },
      {
        description: 'Open-text answers: language, sentiment and topics found by text analytics on premises.',
      },
    ),
  ),
});
export const ResponseView = Type.Object({
  id: Type.String(),
  surveyId: Type.String(),
  surveyVersion: Type.Integer(),
  profileId: Nullable(Type.String()),
  channel: Type.String(),
  touchpointId: Nullable(Type.String()),
  journeyStage: Nullable(Type.String()),
  locale: Type.String(),
  device: Nullable(Type.String()),
  status: Type.String(),
  startedAt: Type.String(),
  updatedAt: Type.String(),
  completedAt: Nullable(Type.String()),
  journeyContext: Type.Record(Type.String(), Type.Unknown(), {
    description: 'lastSteps (up to 10 events before answering), channels, journeyStage',
  }),
  hiddenFields: Nullable(Type.Record(Type.String(), Type.String())),
  answers: Type.Array(Answer),
});
export const ResponseFilters = Type.Object({
  from: Type.Optional(IsoTime),
  to: Type.Optional(IsoTime),
  minScore: Type.Optional(Type.Number()),
  maxScore: Type.Optional(Type.Number()),
  channel: Type.Optional(Type.String({ maxLength: 16 })),
  touchpointId: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.Union([Type.Literal('partial'), Type.Literal('completed')])),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'text search in text answers' })),
  segment: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 63,
      description: "key of a segment: only responses of its customers (the segment's trait conditions)",
    }),
  ),
});
export type FilterQuery = {
  from?: string;
  to?: string;
  minScore?: number;
  maxScore?: number;
  channel?: string;
  touchpointId?: string;
  status?: 'partial' | 'completed';
  q?: string;
  segment?: string;
};
const SurveyParams = Type.Object({ workspaceId: Uuid, surveyId: Uuid });
export const readResponsesAccess = workspaceAccess(canReadResponses, 'read survey responses');
export const responsesAccessNote =
  'Single responses carry free text and profile links, so they need analyst or above; viewers see aggregates only (analytics).';

export const filterOf = <S extends string | undefined>(workspaceId: string, surveyId: S, q: FilterQuery) => ({
  workspaceId,
  surveyId,
  from: q.from,
  to: q.to,
  minScore: q.minScore,
  maxScore: q.maxScore,
  channel: q.channel,
  touchpointId: q.touchpointId,
  status: q.status,
  text: q.q,
  segment: q.segment,
});

const ImportedResponse = Type.Object(
  {
    externalId: Type.String({ minLength: 1, maxLength: 200, description: 'The id in the source system.' }),
    submittedAt: IsoTime,
    startedAt: Type.Optional(IsoTime),
    profile: Type.Object(
      {
        userId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        anonymousId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        email: Type.Optional(Type.String({ minLength: 3, maxLength: 320 })),
      },
      { additionalProperties: false },
    ),
    language: Type.String({ minLength: 2, maxLength: 35 }),
    channel: Type.String({ maxLength: 16 }),
    touchpointId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    answers: Type.Record(Type.String(), Type.Unknown(), { description: 'question id → answer value' }),
    hiddenFields: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);

export function surveyResponseRoutes(
  app: FastifyInstance,
  deps: RouteDependencies,
  services: SurveyServices,
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/surveys/:surveyId/responses';

  r.get(
    base,
    {
      config: { access: readResponsesAccess },
      schema: {
        tags: ['surveys'],
        summary: 'Responses of a survey with answers, newest first, filtered.',
        description: `Filters: started between from and to, any scale answer within minScore..maxScore, channel, touchpoint, status, text search, segment (key; unknown key: 400). Cursor pagination. ${responsesAccessNote}`,
        params: SurveyParams,
        querystring: Type.Intersect([PageQuery, ResponseFilters]),
        response: {
          200: Type.Object({ items: Type.Array(ResponseView), nextCursor: Nullable(Type.String()) }),
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const { workspaceId, surveyId } = request.params;
      const query = request.query as FilterQuery & { limit: number; cursor?: string };
      return listResponses(domainContext(request, deps.store, deps.now), {
        ...filterOf(workspaceId, surveyId, query),
        limit: query.limit,
        cursor: query.cursor,
      });
    },
  );

  r.get(
    `${base}.csv`,
    {
      config: { access: readResponsesAccess },
      schema: {
        tags: ['surveys'],
        summary: 'Responses as CSV (same filters as the list).',
        description: `One row per response, one column per question of the current version. Cells starting with = + - @ tab or CR get a leading ' so spreadsheets never run them as formulas. At most 100 000 rows. ${responsesAccessNote}`,
        params: SurveyParams,
        querystring: ResponseFilters,
        response: { 200: Type.String(), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, surveyId } = request.params;
      const csv = await responsesCsv(
        domainContext(request, deps.store, deps.now),
        filterOf(workspaceId, surveyId, request.query as FilterQuery),
      );
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="survey-${surveyId}.csv"`);
      return csv;
    },
  );

  r.get(
    `${base}/:responseId`,
    {
      config: { access: readResponsesAccess },
      schema: {
        tags: ['surveys'],
        summary: 'One response with its answers and journey context.',
        description: responsesAccessNote,
        params: Type.Object({ workspaceId: Uuid, surveyId: Uuid, responseId: Uuid }),
        response: { 200: ResponseView, ...standardErrors },
      },
    },
    async (request) =>
      getResponse(
        domainContext(request, deps.store, deps.now),
        request.params.workspaceId,
        request.params.surveyId,
        request.params.responseId,
      ),
  );

  r.delete(
    `${base}/:responseId`,
    {
      config: { access: workspaceAccess(canDeleteResponses, 'delete survey responses') },
      schema: {
        tags: ['surveys'],
        summary: 'Delete one response with everything derived from it.',
        description:
          'Removes the answers, their text enrichments (sentiment, topics) and the response events on the ' +
          "profile's timeline in one transaction, and records who deleted it in the audit log. Owners and admins.",
        params: Type.Object({ workspaceId: Uuid, surveyId: Uuid, responseId: Uuid }),
        response: { 204: Type.Null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, surveyId, responseId } = request.params;
      await deleteResponse(domainContext(request, deps.store, deps.now), workspaceId, surveyId, responseId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    `${base}/import`,
    {
      config: { access: workspaceAccess(canImportResponses, 'import survey responses') },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['surveys'],
        summary: 'Import historical responses that keep their own time.',
        description:
          `Up to ${maxImportedResponses} completed responses per request, each validated like a live response ` +
          '(answers against the current survey version, required questions on the path) plus its times, ' +
          'respondent (userId or anonymousId, which create a profile when unknown, or the e-mail address of a ' +
          'known profile), channel and a language the survey speaks. All or nothing: one invalid item rejects ' +
          'the request with 400 naming body.responses.<index>.<field>, and nothing is stored. Idempotent by ' +
          'externalId: a response imported before is counted under duplicates and left as it is. Stored ' +
          'responses get answers, text enrichment and the "Survey Response Submitted"/"Survey Completed" events ' +
          "on the profile's timeline, all dated at submittedAt; the import is recorded in the audit log. " +
          'Owners and admins.',
        params: SurveyParams,
        body: Type.Object({
          responses: Type.Array(ImportedResponse, { minItems: 1, maxItems: maxImportedResponses }),
        }),
        response: {
          200: Type.Object({
            received: Type.Integer(),
            stored: Type.Integer(),
            duplicates: Type.Integer(),
            responses: Type.Array(
              Type.Object({ externalId: Type.String(), responseId: Type.String(), created: Type.Boolean() }),
            ),
          }),
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const { workspaceId, surveyId } = request.params;
      const { responses } = request.body as { responses: ImportedResponseInput[] };
      return importResponses(
        domainContext(request, deps.store, deps.now),
        services,
        workspaceId,
        surveyId,
        responses,
      );
    },
  );
}
