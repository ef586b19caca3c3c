import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canDeleteResponses, canReadResponses } from '../../domains/access/permissions.js';
import { deleteResponse } from '../../domains/surveys/delete-response.js';
import { getResponse, listResponses, responsesCsv } from '../../domains/surveys/response-queries.js';
import { domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { IsoTime, PageQuery, standardErrors, Uuid } from '../schemas.js';
import type { RouteDependencies } from './index.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Answer = Type.Object({
  questionId: Type.String(),
  questionType: Type.String(),
  numberValue: Nullable(Type.Number()),
  textValue: Nullable(Type.String()),
  jsonValue: Type.Unknown(),
  answeredAt: Type.String(),
  timeSpentMs: Nullable(Type.Integer()),
});
const Response = Type.Object({
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
const Filters = Type.Object({
  from: Type.Optional(IsoTime),
  to: Type.Optional(IsoTime),
  minScore: Type.Optional(Type.Number()),
  maxScore: Type.Optional(Type.Number()),
  channel: Type.Optional(Type.String({ maxLength: 16 })),
  touchpointId: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.Union([Type.Literal('partial'), Type.Literal('completed')])),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'text search in text answers' })),
});
type FilterQuery = {
  from?: string;
  to?: string;
  minScore?: number;
  maxScore?: number;
  channel?: string;
  touchpointId?: string;
  status?: 'partial' | 'completed';
  q?: string;
};
const SurveyParams = Type.Object({ workspaceId: Uuid, surveyId: Uuid });
const access = workspaceAccess(canReadResponses, 'read survey responses');
const accessNote =
  'Single responses carry free text and profile links, so they need analyst or above; viewers see aggregates only (analytics).';

const filterOf = (workspaceId: string, surveyId: string, q: FilterQuery) => ({
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
});

export function surveyResponseRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/surveys/:surveyId/responses';

  r.get(
    base,
    {
      config: { access },
      schema: {
        tags: ['surveys'],
        summary: 'Responses of a survey with answers, newest first, filtered.',
        description: `Filters: started between from and to, any scale answer within minScore..maxScore, channel, touchpoint, status, text search. Cursor pagination. ${accessNote}`,
        params: SurveyParams,
        querystring: Type.Intersect([PageQuery, Filters]),
        response: {
          200: Type.Object({ items: Type.Array(Response), nextCursor: Nullable(Type.String()) }),
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
      config: { access },
      schema: {
        tags: ['surveys'],
        summary: 'Responses as CSV (same filters as the list).',
        description: `One row per response, one column per question of the current version. Cells starting with = + - @ tab or CR get a leading ' so spreadsheets never run them as formulas. At most 100 000 rows. ${accessNote}`,
        params: SurveyParams,
        querystring: Filters,
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
      config: { access },
      schema: {
        tags: ['surveys'],
        summary: 'One response with its answers and journey context.',
        description: accessNote,
        params: Type.Object({ workspaceId: Uuid, surveyId: Uuid, responseId: Uuid }),
        response: { 200: Response, ...standardErrors },
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
}
