import Value from 'typebox/value';
import { CairnError } from '../../errors/catalogue.js';
import { type Query, queryKinds, schemaByKind } from './query-schema.js';

export interface FieldIssue {
  field: string;
  message: string;
}

export function invalidQuery(issues: FieldIssue[]): CairnError {
  const summary = issues.map((i) => `${i.field} ${i.message}`).join('; ');
  return new CairnError('CAIRN_VALIDATION_FAILED', { summary }, issues);
}

interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** One issue per offending field, worded like the HTTP validation errors (`body.metric must be one of …`). */
function describe(issues: SchemaIssue[]): FieldIssue[] {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    if (issue.keyword === 'boolean' || issue.keyword === 'anyOf') continue;
    const pointer = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const extra = (issue.params.additionalProperties as string[] | undefined)?.[0];
    const missing = issue.params.requiredProperties as string[] | undefined;
    const leaf = extra ?? missing?.[0] ?? '';
    const field = ['body', pointer, leaf].filter(Boolean).join('.');
    const allowed = issue.params.allowedValues;
    const message = extra
      ? 'is not an accepted field'
      : missing
        ? 'is required'
        : Array.isArray(allowed)
          ? `must be one of ${allowed.join(', ')}`
          : issue.message;
    if (!byField.has(field)) byField.set(field, message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

/** Validates a Query object against the schema of its kind; throws CAIRN_VALIDATION_FAILED naming each field. */
export function parseQuery(body: unknown): Query {
  const kind = (body as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !(queryKinds as readonly string[]).includes(kind)) {
    throw invalidQuery([{ field: 'body.kind', message: `must be one of ${queryKinds.join(', ')}` }]);
  }
  const schema = schemaByKind[kind as keyof typeof schemaByKind];
  const withDefaults = Value.Default(schema, structuredClone(body));
  if (!Value.Check(schema, withDefaults)) {
    throw invalidQuery(describe(Value.Errors(schema, withDefaults) as unknown as SchemaIssue[]));
  }
  return withDefaults as Query;
}
