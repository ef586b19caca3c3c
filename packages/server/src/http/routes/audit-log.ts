import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { listAuditLog } from '../../domains/access/audit.js';
import { canReadAuditLog } from '../../domains/access/permissions.js';
import { AuditEntry } from '../access-schemas.js';
import { domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { PageQuery, standardErrors, WorkspaceParams } from '../schemas.js';
import type { RouteDependencies } from './index.js';

export function auditLogRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/workspaces/:workspaceId/audit-log',
    {
      config: { access: workspaceAccess(canReadAuditLog, 'read the audit log of this workspace') },
      schema: {
        tags: ['audit-log'],
        summary: 'Administrative actions in this workspace, newest first.',
        description:
          'Who changed members, roles, tokens, write keys and settings, when and from where. ' +
          'Pass nextCursor as cursor to get the next page; null means there is none.',
        params: WorkspaceParams,
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(AuditEntry),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...standardErrors,
        },
      },
    },
    async (request) =>
      listAuditLog(domainContext(request, deps.store, deps.now), request.params.workspaceId, request.query),
  );
}
