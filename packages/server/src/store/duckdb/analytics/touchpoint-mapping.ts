import type { TouchpointRecord, TouchpointRule } from '../../analytics-port.js';
import type { SqlParams } from './sql-params.js';

export type TouchpointMapping = Pick<TouchpointRecord, 'id' | 'stage' | 'rules'>;

/** `*` → `%`; LIKE's own wildcards in the pattern are escaped so they match literally. */
export function globToLike(glob: string): string {
  return glob.replace(/[\\%_]/g, (c) => `\\${c}`).replaceAll('*', '%');
}

function ruleSql(rule: TouchpointRule, alias: string, params: SqlParams): string {
  const parts: string[] = [];
  if (rule.event !== undefined) parts.push(`${alias}.event = ${params.bind(rule.event)}`);
  if (rule.urlPattern !== undefined) {
    parts.push(`${alias}.page_path LIKE ${params.bind(globToLike(rule.urlPattern))} ESCAPE '\\'`);
  }
  for (const p of rule.properties ?? []) {
    parts.push(`json_extract_string(${alias}.properties, ${params.bind(p.name)}) = ${params.bind(p.value)}`);
  }
  return parts.length ? `(${parts.join(' AND ')})` : 'FALSE';
}

/**
 * The touchpoint of an event, decided when the query runs: the first touchpoint (registry order) with a matching
 * rule, else NULL. `pick` chooses what to return for it (its id, or its journey stage).
 */
export function touchpointCaseSql(
  touchpoints: TouchpointMapping[],
  alias: string,
  params: SqlParams,
  pick: 'id' | 'stage',
): string {
  if (touchpoints.length === 0) return 'CAST(NULL AS VARCHAR)';
  const arms = touchpoints.map((t) => {
    const when = t.rules.map((r) => ruleSql(r, alias, params)).join(' OR ') || 'FALSE';
    const value = pick === 'id' ? t.id : t.stage;
    return `WHEN ${when} THEN ${value === null ? 'CAST(NULL AS VARCHAR)' : params.bind(value)}`;
  });
  return `(CASE ${arms.join(' ')} END)`;
}
