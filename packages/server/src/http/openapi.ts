import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { errorCatalogue } from '../errors/catalogue.js';

/** Route schemas are the single source of the OpenAPI 3.1 document served at /api/openapi.json. */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cairn API',
        version,
        description:
          'Self-hosted customer-experience management. Workspace-scoped resources live under ' +
          '`/api/v1/workspaces/{workspaceId}/…`. Errors always use the envelope `{ "error": { "code", "message", ' +
          '"details" } }`; the codes are listed under the ErrorCode schema. Timestamps are ISO-8601 UTC.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'API token or the operator token.' },
          writeKeyBasic: {
            type: 'http',
            scheme: 'basic',
            description: 'Ingestion (/v1/*): the write key as user name, empty password (Segment HTTP API).',
          },
          cookieAuth: {
            type: 'apiKey',
            in: 'cookie',
            name: 'cairn_session',
            description: 'Session from POST /api/v1/auth/login. Writes must also send X-CSRF-Token.',
          },
        },
        schemas: {
          ErrorCode: { type: 'string', enum: Object.keys(errorCatalogue) },
        },
      },
      security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { kind: 'public' } } }, async () =>
    app.swagger(),
  );
}
