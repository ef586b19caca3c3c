import { createGunzip, createInflate } from 'node:zlib';
import cors from '@fastify/cors';
import type { FastifyError, FastifyInstance } from 'fastify';

import { CairnError } from '../errors/catalogue.js';
import { wellFormedJsonParser } from '../well-formed.js';

/**
 * What makes /v1/* behave like the Segment HTTP API for real SDKs: any-origin CORS without credentials,
 * JSON sent as text/plain (navigator.sendBeacon cannot set a JSON content type without a preflight),
 * gzip/deflate bodies, and "over the limit" answered as 400 as that API documents.
 */
export async function installCollectScope(
  app: FastifyInstance,
  limitLabel: (url: string) => string,
  // @fastify/cors answers preflights through one wildcard OPTIONS route for the whole server, so only the first
  // scope registers it; later scopes (survey SDK routes) add the response headers and leave preflights to it.
  options: { preflightRoute?: boolean; bodies?: 'bytes' | 'parsed' } = {},
): Promise<void> {
  if (options.preflightRoute === false) {
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'Retry-After');
    });
  } else {
    await app.register(cors, {
      origin: '*',
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Content-Encoding'],
      // Browsers hide response headers from cross-origin pages unless exposed; SDKs need Retry-After on 429/503.
      exposedHeaders: ['Retry-After'],
      credentials: false,
      maxAge: 86_400,
    });
  }

  // JSON sent as text/plain too (sendBeacon). Ingestion routes take the bytes as received: the ingestor parses
  // them off the event loop and keeps them in its journal. Other routes get them parsed, with Fastify's own parser
  // (prototype-poisoning checks included), made well-formed Unicode.
  const parseJson = wellFormedJsonParser(app.getDefaultJsonParser('error', 'error'));
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(
    ['application/json', 'text/plain'],
    { parseAs: 'buffer' },
    (request, body, done) => {
      if (options.bodies === 'bytes') {
        done(null, body);
        return;
      }
      parseJson(request, (body as Buffer).toString('utf8'), (error, parsed) => {
        if (error) done(new CairnError('CAIRN_MALFORMED_JSON', { reason: error.message }), undefined);
        else done(null, parsed);
      });
    },
  );

  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = request.headers['content-encoding'];
    if (!encoding || encoding === 'identity') return payload;
    if (encoding !== 'gzip' && encoding !== 'deflate') {
      throw new CairnError('CAIRN_UNSUPPORTED_MEDIA_TYPE', { contentType: `encoding ${encoding}` });
    }
    // The body limit then applies to the inflated bytes, so a small gzip bomb cannot exhaust memory.
    const inflated = payload.pipe(encoding === 'gzip' ? createGunzip() : createInflate());
    payload.on('error', (error) => inflated.destroy(error));
    delete request.headers['content-length'];
    return inflated;
  });

  app.setErrorHandler((error: FastifyError, request) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.routeOptions.bodyLimit;
      throw new CairnError(
        limitLabel(request.url) === 'batch' ? 'CAIRN_BATCH_TOO_LARGE' : 'CAIRN_MESSAGE_TOO_LARGE',
        { limit },
      );
    }
    if (error.code === 'Z_DATA_ERROR' || error.code === 'Z_BUF_ERROR') {
      throw new CairnError('CAIRN_BAD_REQUEST', { reason: 'the compressed body could not be inflated' });
    }
    throw error;
  });
}
