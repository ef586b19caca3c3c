import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Query strings and path parameters arrive as text, so their schemas coerce ("5" → 5, a single value → a list).
 * JSON bodies are already typed: coercing them would change what people sent, e.g. turn a consent answer `true`
 * into 1 or an open-text answer "5" into the number 5, because a union tries its number branch first. So bodies
 * are validated exactly as sent. Otherwise the options are Fastify's defaults (defaults filled in, formats), with
 * every error reported so a 400 can name each offending field.
 */
function validator(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    addUsedSchema: false,
  });
  addFormats.default(ajv);
  return ajv;
}

export function partAwareValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const coercing = validator('array');
  const exact = validator(false);
  return ({ schema, httpPart }) => (httpPart === 'body' ? exact : coercing).compile(schema as object);
}
