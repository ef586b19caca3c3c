import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canManageTouchpoints, canRunQueries } from '../../domains/access/permissions.js';
import { touchpointCoverage } from '../../domains/touchpoints/coverage.js';
import {
  createTouchpoint,
  deleteTouchpoint,
  listTouchpoints,
  updateTouchpoint,
} from '../../domains/touchpoints/registry.js';
import type { TouchpointCatalog } from '../../domains/touchpoints/touchpoint-catalog.js';
import {
  type TouchpointInput as Input,
  TouchpointInput,
  TouchpointPatch,
  TouchpointView,
} from '../../domains/touchpoints/touchpoint-schema.js';
import type { Store } from '../../store/port.js';
import { type Clock, domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { standardErrors, Uuid, WorkspaceParams } from '../schemas.js';

const remap =
  'Events are mapped to touchpoints when a query runs, by the current rules (first matching touchpoint in position ' +
  'order), so changing a rule re-maps all history at once: no backfill job, no downtime.';
const TouchpointParams = Type.Object({ workspaceId: Uuid, touchpointId: Uuid });
const read = { access: workspaceAccess(canRunQueries, 'see touchpoints') };
const write = { access: workspaceAccess(canManageTouchpoints, 'manage touchpoints') };
const base = '/api/v1/workspaces/:workspaceId/touchpoints';

export function touchpointRoutes(
  app: FastifyInstance,
  deps: { store: Store; now: Clock; touchpoints: TouchpointCatalog },
): void {
  const ctx = (request: Parameters<typeof domainContext>[0]) => domainContext(request, deps.store, deps.now);

  app.get(
    base,
    {
      config: read,
      schema: {
        tags: ['touchpoints'],
        summary: 'List the touchpoint registry.',
        description: `Every member may read it. ${remap}`,
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(TouchpointView) }), ...standardErrors },
      },
    },
    async (request) => listTouchpoints(ctx(request), (request.params as { workspaceId: string }).workspaceId),
  );

  app.post(
    base,
    {
      config: write,
      schema: {
        tags: ['touchpoints'],
        summary: 'Register a touchpoint with its mapping rules.',
        description: `Analysts and above. A rule matches an event when all its parts hold (event name, page path glob, property equalities); a touchpoint matches when any rule does. ${remap}`,
        params: WorkspaceParams,
        body: TouchpointInput,
        response: { 201: TouchpointView, ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId } = request.params as { workspaceId: string };
      const created = await createTouchpoint(ctx(request), workspaceId, request.body as Input);
      deps.touchpoints.invalidate(workspaceId);
      reply.status(201);
      return created;
    },
  );

  app.patch(
    `${base}/:touchpointId`,
    {
      config: write,
      schema: {
        tags: ['touchpoints'],
        summary: 'Change a touchpoint or its rules.',
        description: `Analysts and above. ${remap}`,
        params: TouchpointParams,
        body: TouchpointPatch,
        response: { 200: TouchpointView, ...standardErrors },
      },
    },
    async (request) => {
      const { workspaceId, touchpointId } = request.params as { workspaceId: string; touchpointId: string };
      const updated = await updateTouchpoint(
        ctx(request),
        workspaceId,
        touchpointId,
        request.body as TouchpointPatch,
      );
      deps.touchpoints.invalidate(workspaceId);
      return updated;
    },
  );

  app.delete(
    `${base}/:touchpointId`,
    {
      config: write,
      schema: {
        tags: ['touchpoints'],
        summary: 'Remove a touchpoint.',
        description: 'Analysts and above. Its events simply stop mapping to it; nothing else changes.',
        params: TouchpointParams,
        response: { 204: Type.Null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, touchpointId } = request.params as { workspaceId: string; touchpointId: string };
      await deleteTouchpoint(ctx(request), workspaceId, touchpointId);
      deps.touchpoints.invalidate(workspaceId);
      reply.status(204);
    },
  );

  app.get(
    `${base}/coverage`,
    {
      config: read,
      schema: {
        tags: ['touchpoints'],
        summary: 'Coverage: which touchpoints are instrumented and measured, with volume and KPIs.',
        description:
          'Per touchpoint over the window: mapped event volume and last event (instrumented = any event), survey ' +
          'responses given at it (measured = any response with this touchpoint), NPS, CSAT (% 4–5 of 1–5) and CES ' +
          '(mean of 1–7) from those responses. Aggregates only.',
        params: WorkspaceParams,
        querystring: Type.Object({ last: Type.Enum(['7d', '30d', '90d', '12m'], { default: '30d' }) }),
        response: {
          200: Type.Object({
            range: Type.Object({ from: Type.String(), to: Type.String() }),
            items: Type.Array(Type.Unknown()),
          }),
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const { workspaceId } = request.params as { workspaceId: string };
      const { last } = request.query as { last: '7d' | '30d' | '90d' | '12m' };
      return touchpointCoverage(ctx(request), workspaceId, last);
    },
  );
}
