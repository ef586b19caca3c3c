import { CairnError } from '../../../errors/catalogue.js';
import type { FieldRef, PlannedFilter } from '../../analytics-port.js';
import type { SqlParams } from './sql-params.js';
import { type TouchpointMapping, touchpointCaseSql } from './touchpoint-mapping.js';

/**
 * Where a field can be read. Events and survey responses have different columns; a field that a source lacks
 * is a validation error naming the field, never silently ignored.
 */
export interface Source {
  name: 'events' | 'responses';
  /** Table alias of the row being filtered. */
  alias: string;
  /** SQL for the canonical profile id of that row (merged profiles count for the survivor). */
  profileExpr: string;
  /** The registry events are mapped by (touchpoint and stage of an event); unused for responses, which carry both. */
  touchpoints: TouchpointMapping[];
}

const eventColumns = {
  channel: 'channel',
  event: 'event',
  type: 'type',
  page_path: 'page_path',
  utm_source: 'utm_source',
  utm_medium: 'utm_medium',
  utm_campaign: 'utm_campaign',
  browser: 'browser',
  os: 'os',
  device: 'device',
  survey: null,
  // Mapped at query time by the touchpoint registry, see touchpoint-mapping.ts.
  stage: 'mapped',
  touchpoint: 'mapped',
  // Segments are expanded into their trait conditions before planning (segment-filters.ts); only a top-level
  // filter can name one, so a segment that reaches SQL (a breakdown, a step filter) is refused.
  segment: null,
} as const;

const responseColumns = {
  segment: null,
  channel: 'channel',
  survey: 'survey_id',
  stage: 'journey_stage',
  touchpoint: 'touchpoint_id',
  device: 'device',
  event: null,
  type: null,
  page_path: null,
  utm_source: null,
  utm_medium: null,
  utm_campaign: null,
  browser: null,
  os: null,
} as const;

const fieldLabel = (field: FieldRef) =>
  field.kind === 'column' ? field.name : `${field.kind}.${field.name}`;

function unavailable(field: FieldRef, source: Source, path: string): never {
  throw new CairnError(
    'CAIRN_VALIDATION_FAILED',
    { summary: `${path} ${fieldLabel(field)} is not available for ${source.name}` },
    [{ field: path, message: `${fieldLabel(field)} is not available for ${source.name}` }],
  );
}

/** SQL (VARCHAR) for a field on a source; names of properties and traits are bound parameters. */
export function fieldSql(field: FieldRef, source: Source, params: SqlParams, path: string): string {
  const a = source.alias;
  switch (field.kind) {
    case 'column': {
      const column = (source.name === 'events' ? eventColumns : responseColumns)[field.name];
      if (column === null) return unavailable(field, source, path);
      if (column === 'mapped') {
        return touchpointCaseSql(source.touchpoints, a, params, field.name === 'stage' ? 'stage' : 'id');
      }
      return `${a}.${column}`;
    }
    case 'property':
      if (source.name !== 'events') return unavailable(field, source, path);
      return `json_extract_string(${a}.properties, ${params.bind(field.name)})`;
    case 'trait':
      // The current value (last write by event time) across the profile and every profile merged into it.
      return `(SELECT arg_max(t.value->>'$', t.observed_at) FROM profile_traits t JOIN profiles tp ON tp.id = t.profile_id
        WHERE t.workspace_id = ${a}.workspace_id AND t.trait = ${params.bind(field.name)}
          AND coalesce(tp.merged_into, tp.id) = ${source.profileExpr})`;
  }
}

function scalarParam(value: PlannedFilter['value'], params: SqlParams): string {
  if (Array.isArray(value)) throw new Error('list value reached a scalar operator');
  return params.bind(typeof value === 'boolean' ? String(value) : value);
}

/** One filter as a boolean SQL expression. Numbers compare numerically, everything else as text. */
export function filterSql(filter: PlannedFilter, source: Source, params: SqlParams, path: string): string {
  const expr = fieldSql(filter.field, source, params, `${path}.field`);
  const numeric = typeof filter.value === 'number';
  const lhs = numeric ? `TRY_CAST(${expr} AS DOUBLE)` : expr;
  switch (filter.op) {
    case 'eq':
      return `${lhs} = ${scalarParam(filter.value, params)}`;
    case 'neq':
      return `${lhs} IS DISTINCT FROM ${scalarParam(filter.value, params)}`;
    case 'contains':
      return `contains(lower(${expr}), lower(${params.bind(String(filter.value))}))`;
    case 'gt':
      return `${lhs} > ${scalarParam(filter.value, params)}`;
    case 'gte':
      return `${lhs} >= ${scalarParam(filter.value, params)}`;
    case 'lt':
      return `${lhs} < ${scalarParam(filter.value, params)}`;
    case 'lte':
      return `${lhs} <= ${scalarParam(filter.value, params)}`;
    case 'in': {
      const list = Array.isArray(filter.value) ? filter.value : [filter.value];
      return `${expr} IN (${list.map((v) => params.bind(String(v))).join(', ')})`;
    }
  }
}

/** All filters ANDed; `TRUE` when there are none. */
export function filtersSql(
  filters: PlannedFilter[],
  source: Source,
  params: SqlParams,
  path = 'body.filters',
): string {
  return filters.map((f, i) => `(${filterSql(f, source, params, `${path}.${i}`)})`).join(' AND ') || 'TRUE';
}
