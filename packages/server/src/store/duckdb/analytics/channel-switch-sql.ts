import type { ChannelSwitchPlan } from '../../analytics-port.js';
import { eventsInRange, scanOf } from './sources.js';
import { type BuiltSql, SqlParams } from './sql-params.js';

/**
 * Channel switches: consecutive events of one customer (ordered by time, ties by arrival) on different channels
 * no more than `window` seconds apart. Counts switches and distinct customers per from→to pair.
 */
export function channelSwitchSql(plan: ChannelSwitchPlan): BuiltSql {
  const params = new SqlParams();
  const ev = eventsInRange({
    params,
    ...scanOf(plan),
  });
  const sql = `WITH ev AS (${ev}),
    moves AS (SELECT pid, channel AS to_channel, occurred_at,
        lag(channel) OVER w AS from_channel, lag(occurred_at) OVER w AS from_at
      FROM ev WINDOW w AS (PARTITION BY pid ORDER BY occurred_at, ingest_seq))
    SELECT from_channel AS "from", to_channel AS "to", count(*) AS switches, count(DISTINCT pid) AS customers
    FROM moves WHERE from_channel <> to_channel
      AND occurred_at <= from_at + to_microseconds(${params.bind(plan.windowSeconds * 1_000_000)})
    GROUP BY ALL ORDER BY switches DESC, "from", "to"`;
  return { sql, params: params.values };
}
