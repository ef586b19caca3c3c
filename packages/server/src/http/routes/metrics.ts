import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canManageCustomMetrics, canRunQueries } from '../../domains/access/permissions.js';
import { CustomMetricInput, CustomMetricView } from '../../domains/metrics/custom-metric-schema.js';
import {
  createCustomMetric,
  deleteCustomMetric,
  getCustomMetric,
  listCustomMetrics,
  replaceCustomMetric,
} from '../../domains/metrics/custom-metrics.js';
import type { Store } from '../../store/port.js';
import { type Clock, domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { standardErrors, Uuid, WorkspaceParams } from '../schemas.js';

const semantics =
  'A custom metric is used in kpi and trend queries as `metric: "custom:<key>"`, through the same planner as the ' +
  'built-in metrics (the query filters, breakdown and interval apply on top). Over `source` rows in the time ' +
  'range (events; or for responses: responses, and for sum/average the answered scores of the question type ' +
  '`field`): count = matching rows; sum / average of `field` (events: property.<name> read as a number); ' +
  'ratio = rows matching `filters` ÷ rows matching `denominatorFilters` (a quotient, not ×100). Filters use the ' +
  'query filter fields; a field the source lacks is a 400 naming it. Averages are compared with the previous ' +
  "period by Welch's t; counts, sums and ratios get no significance test.";
const MetricParams = Type.Object({ workspaceId: Uuid, metricId: Uuid });
const read = { access: workspaceAccess(canRunQueries, 'see custom metrics') };
const write = { access: workspaceAccess(canManageCustomMetrics, 'manage custom metrics') };
const base = '/api/v1/workspaces/:workspaceId/metrics';
const tags = ['analytics'];
const example = {
  key: 'orders_per_view',
  name: 'Orders per product view',
  source: 'events',
  aggregate: 'ratio',
  filters: [{ field: 'event', op: 'eq', value: 'Order Completed' }],
  denominatorFilters: [{ field: 'event', op: 'eq', value: 'Product Viewed' }],
};
const Body = Type.Object(CustomMetricInput.properties, {
  additionalProperties: false,
  examples: [example],
});

type Params = { workspaceId: string; metricId: string };

export function customMetricRoutes(app: FastifyInstance, deps: { store: Store; now: Clock }): void {
  const ctx = (request: Parameters<typeof domainContext>[0]) => domainContext(request, deps.store, deps.now);

  app.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: 'List custom metrics.',
        description: `Every member may read them. ${semantics}`,
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(CustomMetricView) }), ...standardErrors },
      },
    },
    async (request) => listCustomMetrics(ctx(request), (request.params as Params).workspaceId),
  );

  app.post(
    base,
    {
      config: write,
      schema: {
        tags,
        summary: 'Define a custom metric.',
        description: `Analysts and above. A key already used answers 409 CAIRN_CONFLICT. ${semantics}`,
        params: WorkspaceParams,
        body: Body,
        response: { 201: CustomMetricView, ...standardErrors, 409: standardErrors[400] },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createCustomMetric(
        ctx(request),
        (request.params as Params).workspaceId,
        request.body as CustomMetricInput,
      );
    },
  );

  app.get(
    `${base}/:metricId`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Read one custom metric.',
        description: 'Every member may read it.',
        params: MetricParams,
        response: { 200: CustomMetricView, ...standardErrors },
      },
    },
    async (request) => {
      const { workspaceId, metricId } = request.params as Params;
      return getCustomMetric(ctx(request), workspaceId, metricId);
    },
  );

  app.put(
    `${base}/:metricId`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Replace a custom metric.',
        description: `Analysts and above. The whole definition is replaced (the key may change). ${semantics}`,
        params: MetricParams,
        body: Body,
        response: { 200: CustomMetricView, ...standardErrors, 409: standardErrors[400] },
      },
    },
    async (request) => {
      const { workspaceId, metricId } = request.params as Params;
      return replaceCustomMetric(ctx(request), workspaceId, metricId, request.body as CustomMetricInput);
    },
  );

  app.delete(
    `${base}/:metricId`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a custom metric.',
        description: 'Analysts and above. Queries naming its key answer 400 afterwards.',
        params: MetricParams,
        response: { 204: Type.Null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, metricId } = request.params as Params;
      await deleteCustomMetric(ctx(request), workspaceId, metricId);
      reply.status(204);
    },
  );
}
