import { randomUUID } from 'node:crypto';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../config.js';
import { Ingestor } from '../domains/collect/ingestor.js';
import { WriteKeyResolver } from '../domains/collect/write-key-resolver.js';
import { CairnError } from '../errors/catalogue.js';
import type { Store } from '../store/port.js';
import { wellFormedJsonParser } from '../well-formed.js';
import { installAccessHook, requireAccessDeclarations } from './access-hook.js';
import type { Clock } from './context.js';
import { installErrorHandling } from './error-handler.js';
import { createMetrics, installRequestMetrics, type Metrics } from './metrics.js';
import { installOpenApi } from './openapi.js';
import { registerRoutes } from './routes/index.js';
import { partAwareValidatorCompiler } from './validator-compiler.js';

export const cairnVersion = '0.1.0';

export interface AppDependencies {
  config: Config;
  store: Store;
  /** Pinned in tests; the wall clock otherwise. */
  now?: Clock;
  /** Secret the CLI uses to talk to this running server (see cli/server-link.ts). */
  cliToken?: string;
  /** false silences logs (tests); otherwise JSON logs at the configured level. */
  logger?: boolean;
}

export type CairnApp = FastifyInstance & { metrics: Metrics; ingestor: Ingestor };

const readsAcknowledgedEvents = (url: string) => url.startsWith('/api/');

/** Assembles the HTTP app. Nothing here knows business rules: routes parse, call one domain function, serialise. */
export async function buildApp(deps: AppDependencies): Promise<CairnApp> {
  const { config, store } = deps;
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as FastifyInstance;
  app.setValidatorCompiler(partAwareValidatorCompiler());
  // Fastify's own JSON parsing (prototype-poisoning checks included), its strings made well-formed Unicode.
  const parseJson = wellFormedJsonParser(app.getDefaultJsonParser('error', 'error'));
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);

  const metrics = createMetrics();
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installErrorHandling(app, config.bodyLimitBytes);
  requireAccessDeclarations(app);
  // One helmet middleware, built once: the Fastify wrapper rebuilt it (and re-parsed the CSP) on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Helmet's default upgrade-insecure-requests rewrites the dashboard's own script and style URLs to https,
        // which breaks it on plain HTTP at any address but localhost (e.g. http://cairn.intranet:3000).
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    // The SDK endpoints (/v1/*) answer JSON to scripts on customers' sites: a page policy means nothing there,
    // only "do not sniff" does, and these are the busiest routes (helmet was 2 % of the server's time under load).
    if (request.url.startsWith('/v1/')) {
      reply.header('x-content-type-options', 'nosniff');
      done();
      return;
    }
    securityHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    );
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Probes and scrapers must never be throttled into reporting an outage.
    allowList: (request) => ['/healthz', '/readyz', '/metrics'].includes(request.url),
    errorResponseBuilder: (_request, context) =>
      new CairnError('CAIRN_RATE_LIMITED', { retryAfter: Math.ceil(context.ttl / 1000) }),
  });
  installRequestMetrics(app, metrics);
  installAccessHook(app, store, { adminToken: config.adminToken, cliToken: deps.cliToken }, now);
  await installOpenApi(app, cairnVersion);
  const ingestor = new Ingestor(
    store,
    {
      ipMode: config.ipMode,
      maxPendingMessages: config.ingestMaxPending,
      maxBatchMessages: 20_000,
      dedupeWindowHours: config.dedupeWindowHours,
      dedupeMaxEntries: config.dedupeMaxEntries,
      journalDir: path.join(config.dataDir, 'ingest-journal'),
      maxUnappliedEvents: config.ingestMaxPending,
      maxEventsPerApply: 10_000,
      prepareWorkers: config.ingestWorkers,
      onApplyError: (error, attempt) =>
        app.log.error({ err: error, attempt }, 'storing journaled events failed; retrying'),
      onSetAside: ({ file, events, reason, planStored }) =>
        app.log.error(
          { file, events, reason, planStored },
          'the store refused a batch of acknowledged events; it was set aside so the batches after it could be stored',
        ),
      onIdentityScanError: (error) =>
        app.log.warn({ err: error }, 'reading the stored identities failed; new identifiers are looked up'),
    },
    metrics.registry,
    now,
  );
  // Shutdown order: stop accepting requests, then journal and store every accepted message, then (main) close
  // the store.
  app.addHook('onClose', () => ingestor.drain());
  // Read your writes: API requests see the writes acknowledged before they arrived (at most a few milliseconds'
  // wait while the applier moves journaled writes into the store). Bounded, so a store that keeps failing slows
  // reads down instead of hanging them. Survey SDK and survey page requests need no wait: they read the survey
  // caches, which learn every batch when it becomes durable.
  app.addHook('preHandler', async (request) => {
    if (readsAcknowledgedEvents(request.url)) await ingestor.caughtUp(10_000);
  });
  const writeKeys = new WriteKeyResolver(store, now);
  await registerRoutes(app, { config, store, now, metrics, ingestor, writeKeys });
  // After the routes registered their after-commit reactions: replayed events reach them like live ones.
  const { replayed } = await ingestor.start();
  if (replayed) app.log.info({ replayed }, 'stored events the ingest journal held from before a crash');

  return Object.assign(app, { metrics, ingestor });
}
