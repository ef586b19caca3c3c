import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canManageWriteKeys, canReadWriteKeys } from '../../domains/access/permissions.js';
import { createWriteKey, listWriteKeys, revokeWriteKey } from '../../domains/access/write-keys.js';
import { CreatedWriteKey, NoContent, WriteKey, WriteKeyParams } from '../access-schemas.js';
import { domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { standardErrors, WorkspaceParams } from '../schemas.js';
import type { RouteDependencies } from './index.js';

const manageKeys = workspaceAccess(canManageWriteKeys, 'manage the write keys of this workspace');

export function writeKeyRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/workspaces/:workspaceId/write-keys',
    {
      config: { access: workspaceAccess(canReadWriteKeys, 'see the write keys of this workspace') },
      schema: {
        tags: ['write-keys'],
        summary: 'Write keys of a workspace, revoked ones included.',
        description:
          'Analysts may read them to instrument sites. Write keys are public by design: they only send events.',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(WriteKey) }), ...standardErrors },
      },
    },
    async (request) => ({
      items: await listWriteKeys(domainContext(request, deps.store, deps.now), request.params.workspaceId),
    }),
  );

  r.post(
    '/api/v1/workspaces/:workspaceId/write-keys',
    {
      config: { access: manageKeys },
      schema: {
        tags: ['write-keys'],
        summary: 'Create a write key for sending events to this workspace.',
        description: 'Use it as the Basic-auth user of the collection endpoints (Segment convention).',
        params: WorkspaceParams,
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 201: CreatedWriteKey, ...standardErrors },
      },
    },
    async (request, reply) => {
      const ctx = domainContext(request, deps.store, deps.now);
      return reply.code(201).send(await createWriteKey(ctx, request.params.workspaceId, request.body));
    },
  );

  r.delete(
    '/api/v1/workspaces/:workspaceId/write-keys/:keyId',
    {
      config: { access: manageKeys },
      schema: {
        tags: ['write-keys'],
        summary: 'Revoke a write key; events sent with it are refused from then on.',
        description: 'Revoking a revoked key succeeds again.',
        params: WriteKeyParams,
        response: { 204: NoContent, ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, keyId } = request.params;
      await revokeWriteKey(domainContext(request, deps.store, deps.now), workspaceId, keyId);
      return reply.code(204).send(null);
    },
  );
}
