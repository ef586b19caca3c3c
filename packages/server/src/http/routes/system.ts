import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { CairnError } from '../../errors/catalogue.js';
import type { Store } from '../../store/port.js';
import type { Metrics } from '../metrics.js';

const publicAccess = { access: { kind: 'public' as const } };

export function systemRoutes(app: FastifyInstance, deps: { store: Store; metrics: Metrics }): void {
  app.get(
    '/healthz',
    {
      config: publicAccess,
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process is up.',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: publicAccess,
      schema: {
        tags: ['system'],
        summary: 'Readiness: the store is open and fully migrated.',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ready'), engine: Type.String() }),
        },
      },
    },
    async () => {
      const health = await deps.store.health().catch(() => ({ open: false, migrated: false }));
      if (!health.open || !health.migrated) throw new CairnError('CAIRN_STORE_UNAVAILABLE');
      return { status: 'ready' as const, engine: deps.store.engine };
    },
  );

  app.get(
    '/metrics',
    {
      config: publicAccess,
      schema: { tags: ['system'], summary: 'Prometheus metrics (text exposition format).', security: [] },
    },
    async (_request, reply) => {
      reply.header('content-type', deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    },
  );
}
