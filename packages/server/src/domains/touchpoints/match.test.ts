import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { SqlParams } from '../../store/duckdb/analytics/sql-params.js';
import { touchpointCaseSql } from '../../store/duckdb/analytics/touchpoint-mapping.js';
import { type MatchableEvent, matchTouchpoint, pathOfUrl } from './match.js';

const registry = [
  {
    id: 'checkout',
    stage: 'Purchase',
    rules: [{ urlPattern: '/checkout/*' }, { event: 'Checkout Started' }],
  },
  {
    id: 'delivery',
    stage: 'Deliver',
    rules: [{ event: 'Order Delivered', properties: [{ name: 'carrier', value: 'DHL' }] }],
  },
  {
    id: 'late',
    stage: 'Deliver',
    rules: [{ event: 'Order Delivered', properties: [{ name: 'late', value: 'true' }] }],
  },
  { id: 'odd', stage: null, rules: [{ urlPattern: '/100%_off*' }] },
];

const events: MatchableEvent[] = [
  { event: 'Page Viewed', pagePath: '/checkout/payment' },
  { event: 'Page Viewed', pagePath: '/Checkout/payment' },
  { event: 'Checkout Started', pagePath: null },
  { event: 'Order Delivered', properties: { carrier: 'DHL', late: true } },
  { event: 'Order Delivered', properties: { carrier: 'UPS', late: true } },
  { event: 'Order Delivered', properties: { carrier: 'UPS' } },
  { event: 'Page Viewed', pagePath: '/100%_off/now' },
  { event: 'Page Viewed', pagePath: '/100xxoff' },
  { event: 'Page Viewed', pagePath: '/checkout' },
];

/** The SQL mapping's verdict for the same events, from DuckDB itself. */
async function sqlVerdicts(): Promise<(string | null)[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run('CREATE TABLE e (n INTEGER, event VARCHAR, page_path VARCHAR, properties JSON)');
    for (const [n, e] of events.entries()) {
      await connection.run('INSERT INTO e VALUES ($1, $2, $3, $4)', [
        n,
        e.event ?? null,
        e.pagePath ?? null,
        e.properties ? JSON.stringify(e.properties) : null,
      ] as DuckDBValue[]);
    }
    const params = new SqlParams();
    const mapped = touchpointCaseSql(registry, 'e', params, 'id');
    const reader = await connection.runAndReadAll(
      `SELECT ${mapped} AS t FROM e ORDER BY n`,
      params.values as DuckDBValue[],
    );
    return reader.getRowObjectsJS().map((row) => (row.t as string | null) ?? null);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('touchpoint of one event', () => {
  it('agrees with the SQL mapping the analyses use, event by event', async () => {
    const inMemory = events.map((e) => matchTouchpoint(registry, e)?.id ?? null);
    expect(inMemory).toEqual(await sqlVerdicts());
    expect(inMemory).toEqual(['checkout', null, 'checkout', 'delivery', 'late', null, 'odd', null, null]);
  });

  it('reads the path of a page URL, and of a bare path', () => {
    expect(pathOfUrl('https://shop.example/checkout/pay?step=2#top')).toBe('/checkout/pay');
    expect(pathOfUrl('/cart?x=1')).toBe('/cart');
    expect(pathOfUrl('not a url')).toBeNull();
    expect(pathOfUrl(null)).toBeNull();
  });
});
