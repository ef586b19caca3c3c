import { CairnError } from './catalogue.js';

/** One failed check of a JSON schema validator (ajv's error objects have this shape). */
export interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Names the offending field the way a person reads it: `body.email`, `params.workspaceId`. */
function describeValidation(context: string | undefined, issues: ValidationIssue[]) {
  return issues.map((issue) => {
    const missing = issue.params?.missingProperty;
    const extra = issue.params?.additionalProperty;
    const pointer = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const leaf = typeof missing === 'string' ? missing : typeof extra === 'string' ? extra : '';
    const field = [context ?? 'body', pointer, leaf].filter(Boolean).join('.');
    const allowed = issue.params?.allowedValues;
    const message =
      typeof extra === 'string'
        ? 'is not an accepted field'
        : typeof missing === 'string'
          ? 'is required'
          : Array.isArray(allowed)
            ? `must be one of ${allowed.join(', ')}`
            : issue.message;
    return { field, message: message ?? 'is invalid' };
  });
}

/** The one error for a request part that fails its schema: every offending field named in `details`. */
export function validationError(context: string | undefined, issues: ValidationIssue[]): CairnError {
  const details = describeValidation(context, issues);
  const summary = details.map((d) => `${d.field} ${d.message}`).join('; ');
  return new CairnError('CAIRN_VALIDATION_FAILED', { summary }, details);
}
