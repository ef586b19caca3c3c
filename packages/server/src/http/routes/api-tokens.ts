import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { createApiToken, listApiTokens, revokeApiToken } from '../../domains/access/api-tokens.js';
import { canManageApiTokens } from '../../domains/access/permissions.js';
import { ApiToken, CreatedApiToken, NoContent, RoleSchema, TokenParams } from '../access-schemas.js';
import { domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { standardErrors, WorkspaceParams } from '../schemas.js';
import type { RouteDependencies } from './index.js';

const manageTokens = workspaceAccess(canManageApiTokens, 'manage API tokens of this workspace');

export function apiTokenRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/workspaces/:workspaceId/tokens',
    {
      config: { access: manageTokens },
      schema: {
        tags: ['api-tokens'],
        summary: 'API tokens of a workspace, revoked ones included.',
        description: 'Lists never contain the token itself, only its first characters (prefix).',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...standardErrors },
      },
    },
    async (request) => ({
      items: await listApiTokens(domainContext(request, deps.store, deps.now), request.params.workspaceId),
    }),
  );

  r.post(
    '/api/v1/workspaces/:workspaceId/tokens',
    {
      config: { access: manageTokens },
      schema: {
        tags: ['api-tokens'],
        summary: 'Create an API token with one role in this workspace.',
        description:
          'The response is the only time the token is shown; Cairn keeps only its SHA-256. ' +
          'A role may create tokens only with roles at or below its own.',
        params: WorkspaceParams,
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 200 }), role: RoleSchema },
          { additionalProperties: false },
        ),
        response: { 201: CreatedApiToken, ...standardErrors },
      },
    },
    async (request, reply) => {
      const ctx = domainContext(request, deps.store, deps.now);
      return reply.code(201).send(await createApiToken(ctx, request.params.workspaceId, request.body));
    },
  );

  r.delete(
    '/api/v1/workspaces/:workspaceId/tokens/:tokenId',
    {
      config: { access: manageTokens },
      schema: {
        tags: ['api-tokens'],
        summary: 'Revoke an API token; it stops working at once.',
        description:
          'Revoking a revoked token succeeds again. Tokens with a role above your own stay out of reach.',
        params: TokenParams,
        response: { 204: NoContent, ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, tokenId } = request.params;
      await revokeApiToken(domainContext(request, deps.store, deps.now), workspaceId, tokenId);
      return reply.code(204).send(null);
    },
  );
}
