import type { FastifyError, FastifyInstance } from 'fastify';
import { CairnError } from '../errors/catalogue.js';
import { type ValidationIssue, validationError } from '../errors/validation-error.js';

/** Maps everything thrown anywhere in a request to the one error envelope. */
export function toCairnError(error: FastifyError | CairnError | Error, requestId: string): CairnError {
  if (error instanceof CairnError) return error;
  const e = error as FastifyError & { validationContext?: string };
  if (e.validation) return validationError(e.validationContext, e.validation as ValidationIssue[]);
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new CairnError('CAIRN_PAYLOAD_TOO_LARGE', { limit: e.message.match(/\d+/)?.[0] ?? 'the' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new CairnError('CAIRN_UNSUPPORTED_MEDIA_TYPE', { contentType: 'of this request' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new CairnError('CAIRN_MALFORMED_JSON', { reason: 'the body is empty.' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new CairnError('CAIRN_MALFORMED_JSON', { reason: e.message });
  }
  if (e instanceof SyntaxError && e.statusCode === 400) {
    return new CairnError('CAIRN_MALFORMED_JSON', { reason: e.message });
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new CairnError('CAIRN_BAD_REQUEST', { reason: e.message });
  }
  return new CairnError('CAIRN_INTERNAL', { requestId });
}

export function installErrorHandling(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let cairnError = toCairnError(error, request.id);
    if (cairnError.code === 'CAIRN_PAYLOAD_TOO_LARGE') {
      cairnError = new CairnError('CAIRN_PAYLOAD_TOO_LARGE', { limit: bodyLimitBytes });
    }
    // Refusing work under overload is the designed answer, not a fault: no stack trace per refused request.
    if (cairnError.code === 'CAIRN_OVERLOADED')
      request.log.warn({ code: cairnError.code }, cairnError.message);
    else if (cairnError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: cairnError.code }, cairnError.message);
    const retryAfter = cairnError.params.retryAfter;
    if (retryAfter !== undefined && !reply.hasHeader('retry-after'))
      reply.header('retry-after', String(retryAfter));
    reply.status(cairnError.status).send(cairnError.toEnvelope());
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const cairnError = new CairnError('CAIRN_ROUTE_NOT_FOUND', { method: request.method, path });
    reply.status(404).send(cairnError.toEnvelope());
  });
}
