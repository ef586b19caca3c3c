import type { CustomMetricRecord } from '../../store/analytics-definitions-port.js';
import type { CustomMetricSpec, PlannedFilter } from '../../store/analytics-port.js';
import { invalidQuery } from '../analytics/parse-query.js';
import { fieldRef, planFilters } from '../analytics/plan-query.js';
import { dynamicFieldPattern } from '../analytics/query-schema.js';
import { type CustomMetricInput, responseScoreFields } from './custom-metric-schema.js';

/**
 * Checks a custom metric definition against its source, so a stored definition always plans: the same filter
 * rules as query filters (plan-query.ts), and only fields the source has (the allow-list of
 * store/duckdb/analytics/fields.ts: survey answers carry channel, survey, stage, touchpoint, device and traits).
 */
const responseFields = new Set(['channel', 'survey', 'stage', 'touchpoint', 'device']);

function checkSource(filters: PlannedFilter[], source: CustomMetricInput['source'], path: string): void {
  filters.forEach((f, i) => {
    const ok =
      source === 'events'
        ? !(f.field.kind === 'column' && f.field.name === 'survey')
        : f.field.kind === 'trait' || (f.field.kind === 'column' && responseFields.has(f.field.name));
    if (!ok) throw invalidQuery([{ field: `${path}.${i}.field`, message: `is not available for ${source}` }]);
  });
}

function checkField(input: CustomMetricInput): void {
  const needsField = input.aggregate === 'sum' || input.aggregate === 'average';
  if (!needsField) {
    if (input.field !== undefined)
      throw invalidQuery([{ field: 'body.field', message: `is only for sum and average` }]);
    return;
  }
  if (input.field === undefined)
    throw invalidQuery([{ field: 'body.field', message: `is required for ${input.aggregate}` }]);
  const ok =
    input.source === 'events'
      ? input.field.startsWith('property.') && new RegExp(dynamicFieldPattern).test(input.field)
      : (responseScoreFields as readonly string[]).includes(input.field);
  if (!ok) {
    const expected = input.source === 'events' ? 'property.<name>' : responseScoreFields.join(', ');
    throw invalidQuery([{ field: 'body.field', message: `must be ${expected} for source ${input.source}` }]);
  }
}

export function validateCustomMetric(input: CustomMetricInput): void {
  checkField(input);
  if (input.aggregate === 'ratio' && input.denominatorFilters === undefined) {
    throw invalidQuery([{ field: 'body.denominatorFilters', message: 'is required for ratio' }]);
  }
  if (input.aggregate !== 'ratio' && input.denominatorFilters !== undefined) {
    throw invalidQuery([{ field: 'body.denominatorFilters', message: 'is only for ratio' }]);
  }
  checkSource(planFilters(input.filters, 'body.filters'), input.source, 'body.filters');
  checkSource(
    planFilters(input.denominatorFilters, 'body.denominatorFilters'),
    input.source,
    'body.denominatorFilters',
  );
}

/** A stored definition as the planner uses it. */
export function planCustomMetric(m: CustomMetricRecord): CustomMetricSpec {
  return {
    source: m.source,
    aggregate: m.aggregate,
    field:
      m.field === null
        ? null
        : m.source === 'events'
          ? fieldRef(m.field)
          : { kind: 'question', name: m.field },
    filters: planFilters(m.filters, 'metric.filters'),
    denominatorFilters: planFilters(m.denominatorFilters ?? [], 'metric.denominatorFilters'),
  };
}
