import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../store.js';
import { localPeriods, type Period } from './local-periods.js';
import { SqlParams } from './sql-params.js';

let store: Awaited<ReturnType<typeof openDuckDbStore>>;
beforeAll(async () => {
  store = await openDuckDbStore(':memory:');
});
afterAll(() => store.close());

/** Zones with DST at midnight or 2 am, half-hour offsets, a 30-minute DST shift, and one far east of UTC. */
const zones = [
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
];
const day = 86_400_000;

describe('local periods from a list of starts', () => {
  it('puts every instant of the range in the period date_trunc of its local time names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...zones),
        fc.constantFrom<Period>('day', 'week', 'month'),
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }),
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        async (zone, period, start, days, fractions) => {
          const from = new Date(start).toISOString();
          const to = new Date(start + days * day).toISOString();
          const instants = fractions.map((f) =>
            new Date(start + Math.floor(f * (days * day - 1))).toISOString(),
          );
          const params = new SqlParams();
          const periods = localPeriods(params, zone, period, from, to);
          const list = params.bind(JSON.stringify(instants));
          // Random instants, and every period start of the range with the millisecond before and after it (where a
          // guess from the mean length is most often one period off).
          const rows = await store.database.autocommit.all(
            `WITH ${periods.cte},
             edges AS (SELECT make_timestamptz(unnest(starts) + d * 1000) AS t FROM periods, (VALUES (-1), (0), (1)) AS o(d)),
             instants AS (SELECT unnest(from_json(${list}, '["TIMESTAMPTZ"]')) AS t
               UNION ALL SELECT t FROM edges WHERE t >= ${params.instant(from)} AND t < ${params.instant(to)})
             SELECT ${periods.labelOf(periods.indexOf('t'))} AS fast,
               strftime(date_trunc('${period}', timezone(${params.bind(zone)}, t)), '%Y-%m-%d') AS exact
             FROM instants, periods`,
            params.values,
          );
          expect(rows.length).toBeGreaterThanOrEqual(instants.length);
          for (const row of rows) expect(row.fast).toBe(row.exact);
        },
      ),
      { numRuns: 60 },
    );
  });
});
