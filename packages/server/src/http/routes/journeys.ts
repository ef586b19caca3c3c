import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canManageJourneys, canRunQueries } from '../../domains/access/permissions.js';
import { JourneyInput, JourneyView } from '../../domains/journeys/journey-schema.js';
import {
  createJourney,
  deleteJourney,
  getJourney,
  listJourneys,
  replaceJourney,
} from '../../domains/journeys/journeys.js';
import type { Store } from '../../store/port.js';
import { type Clock, domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { standardErrors, Uuid, WorkspaceParams } from '../schemas.js';

const stagesRule =
  'A journey has 1–12 ordered stages with unique keys; a stage is made of touchpoints of this workspace (an unknown ' +
  'id is a 400 naming `body.stages.<i>.touchpointIds.<j>`) and/or event names. Analyse it with the query kind ' +
  '`journey`.';
const JourneyParams = Type.Object({ workspaceId: Uuid, journeyId: Uuid });
const read = { access: workspaceAccess(canRunQueries, 'see journeys') };
const write = { access: workspaceAccess(canManageJourneys, 'manage journeys') };
const base = '/api/v1/workspaces/:workspaceId/journeys';
const tags = ['journeys'];

type Params = { workspaceId: string; journeyId: string };

export function journeyRoutes(app: FastifyInstance, deps: { store: Store; now: Clock }): void {
  const ctx = (request: Parameters<typeof domainContext>[0]) => domainContext(request, deps.store, deps.now);

  app.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: 'List journey definitions.',
        description: `Every member may read them. ${stagesRule}`,
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(JourneyView) }), ...standardErrors },
      },
    },
    async (request) => listJourneys(ctx(request), (request.params as Params).workspaceId),
  );

  app.post(
    base,
    {
      config: write,
      schema: {
        tags,
        summary: 'Define a journey.',
        description: `Analysts and above. ${stagesRule}`,
        params: WorkspaceParams,
        body: JourneyInput,
        response: { 201: JourneyView, ...standardErrors },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createJourney(
        ctx(request),
        (request.params as Params).workspaceId,
        request.body as JourneyInput,
      );
    },
  );

  app.get(
    `${base}/:journeyId`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Read one journey definition.',
        description: 'Every member may read it.',
        params: JourneyParams,
        response: { 200: JourneyView, ...standardErrors },
      },
    },
    async (request) => {
      const { workspaceId, journeyId } = request.params as Params;
      return getJourney(ctx(request), workspaceId, journeyId);
    },
  );

  app.put(
    `${base}/:journeyId`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Replace a journey definition.',
        description: `Analysts and above. Name, description and stages are replaced as a whole. ${stagesRule}`,
        params: JourneyParams,
        body: JourneyInput,
        response: { 200: JourneyView, ...standardErrors },
      },
    },
    async (request) => {
      const { workspaceId, journeyId } = request.params as Params;
      return replaceJourney(ctx(request), workspaceId, journeyId, request.body as JourneyInput);
    },
  );

  app.delete(
    `${base}/:journeyId`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a journey definition.',
        description: 'Analysts and above. Only the definition goes; events and responses are untouched.',
        params: JourneyParams,
        response: { 204: Type.Null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, journeyId } = request.params as Params;
      await deleteJourney(ctx(request), workspaceId, journeyId);
      reply.status(204);
    },
  );
}
