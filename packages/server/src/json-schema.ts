import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The JSON Schema validator every request part is checked with: Fastify's defaults (defaults filled in, formats)
 * with every error reported, so a 400 can name each offending field. `coerceTypes` only for text parts (query
 * strings, path parameters): JSON bodies are validated exactly as sent (see http/validator-compiler.ts).
 */
export function jsonSchemaValidator(coerceTypes: Options['coerceTypes']): Ajv {
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
