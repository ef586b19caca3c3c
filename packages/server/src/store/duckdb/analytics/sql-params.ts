import type { SqlParam } from '../database.js';

/**
 * Collects bound parameters for one statement and hands out numbered placeholders ($1, $2, …), so fragments can be
 * assembled in any order. Values only ever travel as parameters; identifiers come from allow-lists.
 */
export class SqlParams {
  readonly values: SqlParam[] = [];

  bind(value: SqlParam): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** A TIMESTAMPTZ parameter from an ISO-8601 instant. */
  instant(iso: string): string {
    return `${this.bind(iso)}::TIMESTAMPTZ`;
  }
}

export interface BuiltSql {
  sql: string;
  params: SqlParam[];
}
