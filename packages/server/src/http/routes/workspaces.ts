import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  canCreateWorkspace,
  canReadWorkspace,
  canUpdateWorkspace,
} from '../../domains/access/permissions.js';
import {
  createWorkspace,
  defaultTimeZone,
  defaultWorkspaceLocale,
  getWorkspace,
  listWorkspacesFor,
  updateWorkspace,
} from '../../domains/access/workspaces.js';
import { LocaleSchema, TimeZoneSchema, Workspace, WorkspaceWithRole } from '../access-schemas.js';
import { domainContext } from '../context.js';
import { authenticatedAccess, instanceAccess, workspaceAccess } from '../route-access.js';
import { standardErrors, WorkspaceParams } from '../schemas.js';
import type { RouteDependencies } from './index.js';

const WorkspaceName = Type.String({ minLength: 1, maxLength: 200 });

export function workspaceRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/workspaces',
    {
      config: { access: authenticatedAccess },
      schema: {
        tags: ['workspaces'],
        summary: 'Workspaces the caller can act in, with its role in each.',
        description: 'Members see their workspaces, a token its own, the operator all of them (as owner).',
        response: { 200: Type.Object({ items: Type.Array(WorkspaceWithRole) }), ...standardErrors },
      },
    },
    async (request) => ({ items: await listWorkspacesFor(domainContext(request, deps.store, deps.now)) }),
  );

  r.post(
    '/api/v1/workspaces',
    {
      config: { access: instanceAccess(canCreateWorkspace, 'create workspaces') },
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace; a signed-in creator becomes its owner.',
        description: `Defaults: timeZone ${defaultTimeZone}, defaultLocale ${defaultWorkspaceLocale}. API tokens cannot create workspaces.`,
        body: Type.Object(
          {
            name: WorkspaceName,
            timeZone: Type.Optional(TimeZoneSchema),
            defaultLocale: Type.Optional(LocaleSchema),
            requireConsent: Type.Optional(
              Type.Boolean({ description: 'When true, SDKs send nothing until the visitor consents.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Workspace, ...standardErrors },
      },
    },
    async (request, reply) => {
      const workspace = await createWorkspace(domainContext(request, deps.store, deps.now), request.body);
      return reply.code(201).send(workspace);
    },
  );

  r.get(
    '/api/v1/workspaces/:workspaceId',
    {
      config: { access: workspaceAccess(canReadWorkspace, 'see this workspace') },
      schema: {
        tags: ['workspaces'],
        summary: 'One workspace.',
        description: 'Any member may read it, whatever the role.',
        params: WorkspaceParams,
        response: { 200: Workspace, ...standardErrors },
      },
    },
    async (request) => getWorkspace(domainContext(request, deps.store, deps.now), request.params.workspaceId),
  );

  r.patch(
    '/api/v1/workspaces/:workspaceId',
    {
      config: { access: workspaceAccess(canUpdateWorkspace, 'change this workspace') },
      schema: {
        tags: ['workspaces'],
        summary: 'Rename a workspace or change its time zone or default language.',
        description: 'Send at least one field. Changing the time zone changes how future reports count days.',
        params: WorkspaceParams,
        body: Type.Object(
          {
            name: Type.Optional(WorkspaceName),
            timeZone: Type.Optional(TimeZoneSchema),
            defaultLocale: Type.Optional(LocaleSchema),
            requireConsent: Type.Optional(
              Type.Boolean({ description: 'When true, SDKs send nothing until the visitor consents.' }),
            ),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Workspace, ...standardErrors },
      },
    },
    async (request) =>
      updateWorkspace(domainContext(request, deps.store, deps.now), request.params.workspaceId, request.body),
  );
}
