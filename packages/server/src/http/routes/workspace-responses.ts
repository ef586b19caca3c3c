import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { listWorkspaceResponses } from '../../domains/surveys/response-queries.js';
import { domainContext } from '../context.js';
import { PageQuery, standardErrors, WorkspaceParams } from '../schemas.js';
import type { RouteDependencies } from './index.js';
import {
  type FilterQuery,
  filterOf,
  ResponseFilters,
  ResponseView,
  readResponsesAccess,
  responsesAccessNote,
} from './survey-responses.js';

/** Answers across every survey of a workspace: the responses screen's default list. */
export function workspaceResponseRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/v1/workspaces/:workspaceId/responses',
    {
      config: { access: readResponsesAccess },
      schema: {
        tags: ['surveys'],
        summary: 'Responses of every survey with answers, newest first, filtered.',
        description:
          'The same filters as one survey’s list (started between from and to, any scale answer within ' +
          'minScore..maxScore, channel, touchpoint, status, text search, segment) plus surveyId. Open-text answers carry ' +
          `their sentiment and topics (insight). Cursor pagination. ${responsesAccessNote}`,
        params: WorkspaceParams,
        querystring: Type.Intersect([
          PageQuery,
          ResponseFilters,
          Type.Object({ surveyId: Type.Optional(Type.String({ maxLength: 64 })) }),
        ]),
        response: {
          200: Type.Object({
            items: Type.Array(ResponseView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const { workspaceId } = request.params;
      const query = request.query as FilterQuery & { limit: number; cursor?: string; surveyId?: string };
      return listWorkspaceResponses(domainContext(request, deps.store, deps.now), {
        ...filterOf(workspaceId, query.surveyId, query),
        limit: query.limit,
        cursor: query.cursor,
      });
    },
  );
}
