import type { PlannedFilter } from '../../analytics-port.js';
import { filtersSql } from '../analytics/fields.js';
import { responseSource } from '../analytics/sources.js';
import { SqlParams } from '../analytics/sql-params.js';
import type { SqlParam } from '../database.js';

/**
 * "The response's customer is in the segment" for a statement over survey_responses `r` whose own parameters are
 * `fixed` ($1…$n): the segment's conditions are the query engine's trait filters (fields.ts), numbered after them,
 * so a segment selects the same customers here as in analyses and survey targeting. Anonymous responses have no
 * traits and so belong to no segment.
 */
export function segmentClause(
  conditions: PlannedFilter[] | undefined,
  fixed: SqlParam[],
): { sql: string; params: SqlParam[] } {
  if (!conditions?.length) return { sql: 'TRUE', params: fixed };
  const params = new SqlParams();
  for (const value of fixed) params.bind(value);
  const where = filtersSql(conditions, responseSource, params, 'segment.conditions');
  return {
    sql: `EXISTS (SELECT 1 FROM profiles p WHERE p.id = r.profile_id AND ${where})`,
    params: params.values,
  };
}
