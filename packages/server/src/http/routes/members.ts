import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { addMember, changeRole, listMembers, removeMember } from '../../domains/access/members.js';
import { canManageMembers, canReadMembers } from '../../domains/access/permissions.js';
import {
  EmailSchema,
  Member,
  MemberParams,
  NameSchema,
  NewPasswordSchema,
  NoContent,
  RoleSchema,
} from '../access-schemas.js';
import { domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { ErrorEnvelope, standardErrors, WorkspaceParams } from '../schemas.js';
import type { RouteDependencies } from './index.js';

const readMembers = workspaceAccess(canReadMembers, 'see the members of this workspace');
const manageMembers = workspaceAccess(canManageMembers, 'manage the members of this workspace');
const grantRule = 'A role may grant only roles at or below its own, and change only members at or below it.';

export function memberRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/workspaces/:workspaceId/members',
    {
      config: { access: readMembers },
      schema: {
        tags: ['members'],
        summary: 'Members of a workspace with their roles.',
        description: 'Owners and admins only.',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(Member) }), ...standardErrors },
      },
    },
    async (request) => ({
      items: await listMembers(domainContext(request, deps.store, deps.now), request.params.workspaceId),
    }),
  );

  r.post(
    '/api/v1/workspaces/:workspaceId/members',
    {
      config: { access: manageMembers },
      schema: {
        tags: ['members'],
        summary: 'Add a member, creating the account when the e-mail address is new.',
        description: `password (and name) are required for, and used only by, a new account. ${grantRule}`,
        params: WorkspaceParams,
        body: Type.Object(
          {
            email: EmailSchema,
            role: RoleSchema,
            name: Type.Optional(NameSchema),
            password: Type.Optional(NewPasswordSchema),
          },
          { additionalProperties: false },
        ),
        response: { 201: Member, 409: ErrorEnvelope, ...standardErrors },
      },
    },
    async (request, reply) => {
      const ctx = domainContext(request, deps.store, deps.now);
      return reply.code(201).send(await addMember(ctx, request.params.workspaceId, request.body));
    },
  );

  r.patch(
    '/api/v1/workspaces/:workspaceId/members/:userId',
    {
      config: { access: manageMembers },
      schema: {
        tags: ['members'],
        summary: "Change a member's role.",
        description: `The last owner cannot be demoted (409). ${grantRule}`,
        params: MemberParams,
        body: Type.Object({ role: RoleSchema }, { additionalProperties: false }),
        response: { 200: Member, 409: ErrorEnvelope, ...standardErrors },
      },
    },
    async (request) => {
      const { workspaceId, userId } = request.params;
      return changeRole(domainContext(request, deps.store, deps.now), workspaceId, userId, request.body.role);
    },
  );

  r.delete(
    '/api/v1/workspaces/:workspaceId/members/:userId',
    {
      config: { access: manageMembers },
      schema: {
        tags: ['members'],
        summary: 'Remove a member from the workspace (the account stays).',
        description: `The last owner cannot be removed (409). ${grantRule}`,
        params: MemberParams,
        response: { 204: NoContent, 409: ErrorEnvelope, ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, userId } = request.params;
      await removeMember(domainContext(request, deps.store, deps.now), workspaceId, userId);
      return reply.code(204).send(null);
    },
  );
}
