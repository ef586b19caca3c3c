import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canManageSegments, canRunQueries } from '../../domains/access/permissions.js';
import type { SegmentCatalog } from '../../domains/segments/segment-catalog.js';
import {
  type SegmentInput as Input,
  type SegmentPatch as Patch,
  SegmentInput,
  SegmentPatch,
  SegmentView,
} from '../../domains/segments/segment-schema.js';
import {
  createSegment,
  deleteSegment,
  listSegments,
  updateSegment,
} from '../../domains/segments/segments.js';
import type { Store } from '../../store/port.js';
import { type Clock, domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { standardErrors, Uuid, WorkspaceParams } from '../schemas.js';

const meaning =
  'A segment is a named group of customers by their current traits: a profile belongs when every condition holds ' +
  '(traits of merged profiles count, last write wins). Membership is decided when asked, so a changed trait or ' +
  'condition applies at once. Surveys target segments by key (settings.targeting.segments) and queries filter by ' +
  'them (filter field `segment`).';
const SegmentParams = Type.Object({ workspaceId: Uuid, segmentId: Uuid });
const read = { access: workspaceAccess(canRunQueries, 'see segments') };
const write = { access: workspaceAccess(canManageSegments, 'manage segments') };
const base = '/api/v1/workspaces/:workspaceId/segments';
type Params = { workspaceId: string; segmentId: string };

export function segmentRoutes(
  app: FastifyInstance,
  deps: { store: Store; now: Clock; segments: SegmentCatalog },
): void {
  const ctx = (request: Parameters<typeof domainContext>[0]) => domainContext(request, deps.store, deps.now);

  app.get(
    base,
    {
      config: read,
      schema: {
        tags: ['segments'],
        summary: 'List the segments.',
        description: `Every member may read them. ${meaning}`,
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(SegmentView) }), ...standardErrors },
      },
    },
    async (request) => listSegments(ctx(request), (request.params as Params).workspaceId),
  );

  app.post(
    base,
    {
      config: write,
      schema: {
        tags: ['segments'],
        summary: 'Define a segment.',
        description: `Analysts and above. 409 CAIRN_CONFLICT when the key is taken. ${meaning}`,
        params: WorkspaceParams,
        body: SegmentInput,
        response: { 201: SegmentView, ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId } = request.params as Params;
      const created = await createSegment(ctx(request), workspaceId, request.body as Input);
      deps.segments.invalidate(workspaceId);
      reply.status(201);
      return created;
    },
  );

  app.patch(
    `${base}/:segmentId`,
    {
      config: write,
      schema: {
        tags: ['segments'],
        summary: 'Change a segment.',
        description: `Analysts and above. ${meaning}`,
        params: SegmentParams,
        body: SegmentPatch,
        response: { 200: SegmentView, ...standardErrors },
      },
    },
    async (request) => {
      const { workspaceId, segmentId } = request.params as Params;
      const updated = await updateSegment(ctx(request), workspaceId, segmentId, request.body as Patch);
      deps.segments.invalidate(workspaceId);
      return updated;
    },
  );

  app.delete(
    `${base}/:segmentId`,
    {
      config: write,
      schema: {
        tags: ['segments'],
        summary: 'Remove a segment.',
        description:
          'Analysts and above. Surveys that target it stop matching anyone through it; queries naming it get a 400.',
        params: SegmentParams,
        response: { 204: Type.Null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, segmentId } = request.params as Params;
      await deleteSegment(ctx(request), workspaceId, segmentId);
      deps.segments.invalidate(workspaceId);
      reply.status(204);
    },
  );
}
