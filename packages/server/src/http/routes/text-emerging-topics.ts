import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canReadTextInsights } from '../../domains/access/permissions.js';
import { emergingTopics } from '../../domains/text/emerging-service.js';
import { domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { IsoTime, standardErrors, WorkspaceParams } from '../schemas.js';
import type { RouteDependencies } from './index.js';

export function textEmergingTopicRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/workspaces/:workspaceId/text/emerging-topics',
    {
      config: { access: workspaceAccess(canReadTextInsights, 'see text insights of this workspace') },
      schema: {
        tags: ['text'],
        summary: 'Key phrases the taxonomy does not cover yet that grew in a time window.',
        description:
          'Counts, per open-text answer in [from, to), the phrases of one or two content words (stop words and opinion ' +
          'words removed, lightly stemmed, words covered by a taxonomy topic excluded) and compares them with the ' +
          'window of the same length just before. Only phrases seen in at least minCount answers and more often than ' +
          'before are listed, largest increase first. Built from redacted text: personal data never becomes a phrase.',
        params: WorkspaceParams,
        querystring: Type.Object({
          from: IsoTime,
          to: IsoTime,
          minCount: Type.Integer({ minimum: 1, maximum: 1000, default: 3 }),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            previousFrom: Type.String(),
            items: Type.Array(
              Type.Object({
                phrase: Type.String(),
                current: Type.Integer(),
                previous: Type.Integer(),
                growth: Type.Number({ description: '(current + 1) / (previous + 1)' }),
              }),
            ),
          }),
          ...standardErrors,
        },
      },
    },
    async (request) =>
      emergingTopics(domainContext(request, deps.store, deps.now), request.params.workspaceId, request.query),
  );
}
