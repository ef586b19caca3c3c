import type { FastifySchemaCompiler } from 'fastify';
import { jsonSchemaValidator } from '../json-schema.js';

/**
 * Query strings and path parameters arrive as text, so their schemas coerce ("5" → 5, a single value → a list).
 * JSON bodies are already typed: coercing them would change what people sent, e.g. turn a consent answer `true`
 * into 1 or an open-text answer "5" into the number 5, because a union tries its number branch first. So bodies
 * are validated exactly as sent.
 */
export function partAwareValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const coercing = jsonSchemaValidator('array');
  const exact = jsonSchemaValidator(false);
  return ({ schema, httpPart }) => (httpPart === 'body' ? exact : coercing).compile(schema as object);
}
