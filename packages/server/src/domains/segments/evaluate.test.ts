import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { filtersSql, type Source } from '../../store/duckdb/analytics/fields.js';
import { SqlParams } from '../../store/duckdb/analytics/sql-params.js';
import { planFilters } from '../analytics/plan-query.js';
import type { FilterInput } from '../analytics/query-schema.js';
import { type CurrentTraits, inSegment } from './evaluate.js';

const profiles: Record<string, CurrentTraits> = {
  gold: { tier: { value: 'gold' }, age: { value: 41 }, vip: { value: true }, city: { value: 'Köln' } },
  silver: { tier: { value: 'silver' }, age: { value: '29' }, vip: { value: false } },
  bare: {},
  odd: { tier: { value: 'Gold' }, age: { value: 'unknown' }, city: { value: 'Bad Kölnhausen' } },
};

const conditionSets: FilterInput[][] = [
  [{ field: 'trait.tier', op: 'eq', value: 'gold' }],
  [{ field: 'trait.tier', op: 'neq', value: 'gold' }],
  [{ field: 'trait.tier', op: 'in', value: ['gold', 'silver'] }],
  [{ field: 'trait.age', op: 'gte', value: 30 }],
  [{ field: 'trait.age', op: 'lt', value: 30 }],
  [{ field: 'trait.age', op: 'eq', value: 29 }],
  [{ field: 'trait.age', op: 'neq', value: 41 }],
  [{ field: 'trait.vip', op: 'eq', value: true }],
  [{ field: 'trait.city', op: 'contains', value: 'KÖLN' }],
  [
    { field: 'trait.tier', op: 'eq', value: 'gold' },
    { field: 'trait.age', op: 'gt', value: 40 },
  ],
];

/** Which profiles DuckDB puts in each segment, through the query engine's own filter SQL on stored traits. */
async function membersBySql(): Promise<string[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run('CREATE TABLE profiles (id VARCHAR, merged_into VARCHAR)');
    await c.run('CREATE TABLE pr (workspace_id VARCHAR, id VARCHAR)');
    await c.run(
      'CREATE TABLE profile_traits (workspace_id VARCHAR, profile_id VARCHAR, trait VARCHAR, value JSON, observed_at TIMESTAMPTZ)',
    );
    for (const [id, traits] of Object.entries(profiles)) {
      await c.run('INSERT INTO profiles VALUES ($1, NULL)', [id]);
      await c.run("INSERT INTO pr VALUES ('w', $1)", [id]);
      for (const [trait, { value }] of Object.entries(traits)) {
        await c.run("INSERT INTO profile_traits VALUES ('w', $1, $2, $3::JSON, now())", [
          id,
          trait,
          JSON.stringify(value),
        ]);
      }
    }
    const source: Source = { name: 'events', alias: 'pr', profileExpr: 'pr.id', touchpoints: [] };
    const result: string[][] = [];
    for (const conditions of conditionSets) {
      const params = new SqlParams();
      const where = filtersSql(planFilters(conditions, 'conditions'), source, params);
      const reader = await c.runAndReadAll(
        `SELECT id FROM pr WHERE ${where} ORDER BY id`,
        params.values as DuckDBValue[],
      );
      result.push(reader.getRowObjectsJS().map((r) => String(r.id)));
    }
    return result;
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

describe('segment membership', () => {
  it('puts the same profiles in each segment as the query engine does', async () => {
    const inMemory = conditionSets.map((conditions) =>
      Object.keys(profiles)
        .filter((id) => inSegment(planFilters(conditions, 'conditions'), profiles[id] ?? {}))
        .sort(),
    );
    expect(inMemory).toEqual(await membersBySql());
    expect(inMemory).toEqual([
      ['gold'],
      ['bare', 'odd', 'silver'],
      ['gold', 'silver'],
      ['gold'],
      ['silver'],
      ['silver'],
      ['bare', 'odd', 'silver'],
      ['gold'],
      ['gold', 'odd'],
      ['gold'],
    ]);
  });
});
