import { BatchBody, limits, type MessageType, SingleMessageBody } from '@cairn/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Ingestor, IngestResult } from '../../domains/collect/ingestor.js';
import { type WriteKeyResolver, writeKeyFromBasicAuth } from '../../domains/collect/write-key-resolver.js';
import { CairnError } from '../../errors/catalogue.js';
import type { Store } from '../../store/port.js';
import { installCollectScope } from '../collect-scope.js';
import { ErrorEnvelope } from '../schemas.js';

export interface CollectDependencies {
  store: Store;
  ingestor: Ingestor;
  writeKeys: WriteKeyResolver;
  rateLimitPerMinute: number;
}

const IngestResponse = Type.Object({
  success: Type.Literal(true),
  stored: Type.Integer({ description: 'Messages stored now.' }),
  duplicates: Type.Integer({
    description: 'Messages whose messageId was already stored (ignored, not an error).',
  }),
  rejected: Type.Array(
    Type.Object({
      index: Type.Integer(),
      code: Type.String(),
      reason: Type.String(),
      message: Type.String(),
    }),
    { description: 'Invalid messages, by their position in the request; the others were stored.' },
  ),
});

const responses = {
  200: IngestResponse,
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  429: ErrorEnvelope,
  503: ErrorEnvelope,
};
const singleTypes: MessageType[] = ['track', 'identify', 'page', 'screen', 'group', 'alias'];

async function workspaceOf(
  deps: CollectDependencies,
  request: FastifyRequest,
  bodyKey: unknown,
): Promise<string> {
  const key =
    writeKeyFromBasicAuth(request.headers.authorization) ??
    (typeof bodyKey === 'string' ? bodyKey : undefined);
  const workspaceId = await deps.writeKeys.workspaceFor(key);
  if (!workspaceId) throw new CairnError('CAIRN_INVALID_WRITE_KEY');
  return workspaceId;
}

/**
 * Ingestion bodies reach the handler as received bytes (the collect scope does not parse them); the ingestor
 * parses and checks them against the same schemas off the event loop. The schemas stay on the routes for the API
 * documentation.
 */
const checkedByIngestion = () => () => true;

async function ingestBody(
  deps: CollectDependencies,
  request: FastifyRequest,
  shape: 'batch' | 'single',
  typeFromPath?: MessageType,
) {
  const bytes = request.body;
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
    throw new CairnError('CAIRN_MALFORMED_JSON', { reason: 'the body is empty.' });
  }
  const result = await deps.ingestor.ingestBody(
    { shape, bytes },
    { requestIp: request.ip, requestUserAgent: request.headers['user-agent'] ?? null },
    { typeFromPath },
    (bodyWriteKey) => workspaceOf(deps, request, bodyWriteKey),
  );
  return answer(result, result.received);
}

function answer(result: IngestResult, total: number) {
  if (total > 0 && result.rejected.length === total) {
    const first = result.rejected[0];
    throw new CairnError(
      first?.code ?? 'CAIRN_INVALID_MESSAGE',
      { index: first?.index, reason: first?.message, limit: limits.messageBytes },
      result.rejected,
    );
  }
  return { success: true as const, ...result };
}

/** The Segment-compatible ingestion API. Handlers hand the body to the ingestor and answer once it is durable. */
export async function collectRoutes(app: FastifyInstance, deps: CollectDependencies): Promise<void> {
  await installCollectScope(app, (url) => (/\/v1\/(batch|import)/.test(url) ? 'batch' : 'message'), {
    bodies: 'bytes',
  });
  const rateLimit = {
    max: deps.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) =>
      writeKeyFromBasicAuth(request.headers.authorization) ?? request.ip,
  };
  const common = { config: { access: { kind: 'write-key' as const }, rateLimit } };

  for (const path of ['/v1/batch', '/v1/import']) {
    app.post(
      path,
      {
        ...common,
        bodyLimit: limits.batchBytes,
        schema: {
          tags: ['ingestion'],
          summary:
            path === '/v1/batch'
              ? 'Send several messages (Segment batch).'
              : 'Alias of /v1/batch (Segment import).',
          description:
            'Segment HTTP Tracking API batch. Up to 500 KB per request, 32 KB per message. Write key as Basic-auth ' +
            'user name (empty password) or `writeKey` in the body. Valid messages are stored even when others are ' +
            'rejected; the response lists rejected ones by index. Answered once the messages are durable (written and ' +
            'flushed to the ingest journal); they are visible to the API a few milliseconds later, and every API ' +
            'request waits for the events acknowledged before it.',
          security: [{ writeKeyBasic: [] }],
          body: BatchBody,
          response: responses,
        },
        validatorCompiler: checkedByIngestion,
      },
      (request) => ingestBody(deps, request, 'batch'),
    );
  }

  app.get(
    '/v1/config',
    {
      config: { access: { kind: 'write-key' as const }, rateLimit },
      schema: {
        tags: ['ingestion'],
        summary: 'Settings an SDK needs before sending: whether visitor consent is required.',
        description:
          'Authenticated by the write key (Basic auth or ?writeKey=). Browsers may cache it for a minute.',
        security: [{ writeKeyBasic: [] }],
        querystring: Type.Object({ writeKey: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Type.Object({ requireConsent: Type.Boolean() }), 401: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const workspaceId = await workspaceOf(deps, request, (request.query as { writeKey?: string }).writeKey);
      const workspace = await deps.store.workspaces.get(workspaceId);
      reply.header('cache-control', 'public, max-age=60');
      return { requireConsent: workspace?.requireConsent ?? false };
    },
  );

  for (const type of singleTypes) {
    app.post(
      `/v1/${type}`,
      {
        ...common,
        bodyLimit: limits.messageBytes,
        schema: {
          tags: ['ingestion'],
          summary: `Send one ${type} message (Segment spec).`,
          security: [{ writeKeyBasic: [] }],
          body: SingleMessageBody,
          response: responses,
        },
        validatorCompiler: checkedByIngestion,
      },
      (request) => ingestBody(deps, request, 'single', type),
    );
  }
}
