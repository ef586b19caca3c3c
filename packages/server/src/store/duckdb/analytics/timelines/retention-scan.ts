import type { RetentionPlan, RetentionRow } from '../../../analytics-port.js';
import type { SqlExecutor } from '../../database.js';
import { localPeriods } from '../local-periods.js';
import { SqlParams } from '../sql-params.js';
import { allowedChannels, rangeOf } from './scan-support.js';
import { EventKind, forEachCustomer } from './timeline-columns.js';
import type { TimelineSnapshot } from './workspace-timeline.js';

/** The workspace's local periods around the range: start instants (µs) and labels, as local-periods.ts lists them. */
export interface PeriodList {
  starts: number[];
  labels: string[];
}

/** The period list from the same SQL the retention query uses, so both cut periods identically. */
export async function periodListOf(db: Pick<SqlExecutor, 'all'>, plan: RetentionPlan): Promise<PeriodList> {
  const params = new SqlParams();
  const periods = localPeriods(params, plan.timeZone, plan.interval, plan.from, plan.to);
  const [row] = await db.all(`WITH ${periods.cte} SELECT starts, labels FROM periods`, params.values);
  return { starts: (row?.starts ?? []) as number[], labels: (row?.labels ?? []) as string[] };
}

/**
 * The retention of retention-sql.ts computed over the in-memory timelines, with the same definition: a customer's
 * cohort is the local period of their first start event in the range (any event if none is given); period k
 * counts cohort members with a return event (any event if none is given) k periods after.
 */
export async function retentionOverTimelines(
  plan: RetentionPlan,
  data: TimelineSnapshot,
  periods: PeriodList,
): Promise<RetentionRow[]> {
  const starts = Float64Array.from(periods.starts);
  const allowed = allowedChannels(plan.filters, data.channels);
  const matcher = (event: string | null) => {
    if (event === null) return () => true;
    const code = data.nodes.find(event) ?? -2;
    return (kind: number, node: number) => kind === EventKind.track && node === code;
  };
  const isStart = matcher(plan.startEvent);
  const isReturn = matcher(plan.returnEvent);
  // counts[cohort][k]: cohort members (k = 0) and those back k periods later.
  const counts = new Map<number, number[]>();
  const seenAt = new Int32Array(plan.periods + 1);
  let customer = 0;
  await forEachCustomer(data.columns, data.customers, rangeOf(plan), (c, from, to) => {
    customer++;
    let cohort = -1;
    for (let e = from; e < to; e++) {
      if (!allowed[(c.channel[e] as number) + 1]) continue;
      const kind = c.kind[e] as number;
      const node = c.node[e] as number;
      // Events are in time order: the first start event has the earliest period, and returns only count after it.
      if (cohort < 0) {
        if (isStart(kind, node)) cohort = periodOf(starts, c.t[e] as number);
        continue;
      }
      if (!isReturn(kind, node)) continue;
      const k = periodOf(starts, c.t[e] as number) - cohort;
      if (k < 1 || k > plan.periods || seenAt[k] === customer) continue;
      seenAt[k] = customer;
      const row = countsOf(counts, cohort, plan.periods);
      row[k] = (row[k] as number) + 1;
    }
    if (cohort >= 0) (countsOf(counts, cohort, plan.periods)[0] as number)++;
  });
  const rows: RetentionRow[] = [];
  for (const cohort of [...counts.keys()].sort((a, b) => a - b)) {
    (counts.get(cohort) as number[]).forEach((customers, period) => {
      if (period === 0 || customers > 0) {
        rows.push({ cohort: periods.labels[cohort] as string, period, customers });
      }
    });
  }
  return rows;
}

function countsOf(counts: Map<number, number[]>, cohort: number, periods: number): number[] {
  let row = counts.get(cohort);
  if (!row) {
    row = new Array(periods + 1).fill(0);
    counts.set(cohort, row);
  }
  return row;
}

/** Index of the last period start at or before t (binary search; the list covers the whole range). */
function periodOf(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
