import { convertHistogramEdges, type FunnelPlan, type FunnelRow } from '../../../analytics-port.js';
import { allowedChannels, continuousQuantile, rangeOf, sortedKeys } from './scan-support.js';
import { EventKind, forEachCustomer } from './timeline-columns.js';
import type { TimelineSnapshot } from './workspace-timeline.js';

/** Per breakdown key: customers per level (index = level) and the conversion times of those who finished. */
interface KeyTally {
  levels: number[];
  seconds: number[];
}

/**
 * The funnel of funnel-sql.ts computed over the in-memory timelines, with the same definition: per customer, the
 * best start (deepest, then earliest) among their step-1 events; from a start, each next step is the first
 * matching event after the previous one and within the window (inclusive). Per customer the steps' events are
 * listed once, with, for each step, where its next event is; every start then costs one look-up per step.
 */
export async function funnelOverTimelines(plan: FunnelPlan, data: TimelineSnapshot): Promise<FunnelRow[]> {
  const n = plan.steps.length;
  const windowUs = plan.windowSeconds * 1_000_000;
  // stepsOf[node code] = bit mask of the steps a track event with that name fills.
  const stepsOf = new Int32Array(data.nodes.size);
  plan.steps.forEach((step, k) => {
    const code = data.nodes.find(step.event as string);
    if (code !== undefined) stepsOf[code] = (stepsOf[code] as number) | (1 << k);
  });
  const byChannel = plan.breakdown !== null;
  const allowed = allowedChannels(plan.filters, data.channels);
  const tallies = new Map<number, KeyTally>();

  let events = new Int32Array(64);
  let masks = new Int32Array(64);
  let next = new Int32Array(64 * n);
  await forEachCustomer(data.columns, data.customers, rangeOf(plan), (c, from, to) => {
    if (events.length < to - from) {
      events = new Int32Array((to - from) * 2);
      masks = new Int32Array((to - from) * 2);
      next = new Int32Array((to - from) * 2 * n);
    }
    let m = 0;
    let anyStart = false;
    for (let e = from; e < to; e++) {
      if (c.kind[e] !== EventKind.track || !allowed[(c.channel[e] as number) + 1]) continue;
      const node = c.node[e] as number;
      const mask = node < 0 ? 0 : (stepsOf[node] as number);
      if (mask === 0) continue;
      events[m] = e;
      masks[m] = mask;
      anyStart ||= (mask & 1) === 1;
      m++;
    }
    if (!anyStart) return;
    // next[k * m + i]: the first of this customer's step events at or after i that fills step k (m when none).
    for (let k = 1; k < n; k++) {
      let upcoming = m;
      for (let i = m - 1; i >= 0; i--) {
        if ((masks[i] as number) & (1 << k)) upcoming = i;
        next[k * m + i] = upcoming;
      }
    }
    let bestLevel = 0;
    let bestStart = -1;
    let bestSeconds = 0;
    for (let i = 0; i < m && bestLevel < n; i++) {
      if (((masks[i] as number) & 1) === 0) continue;
      const t0 = c.t[events[i] as number] as number;
      let level = 1;
      let at = i;
      for (let k = 1; k < n; k++) {
        const q = at + 1 < m ? (next[k * m + at + 1] as number) : m;
        if (q === m || (c.t[events[q] as number] as number) > t0 + windowUs) break;
        at = q;
        level++;
      }
      if (level > bestLevel) {
        bestLevel = level;
        bestStart = events[i] as number;
        bestSeconds = (c.t[events[at] as number] as number) / 1e6 - t0 / 1e6;
      }
    }
    const key = byChannel ? (c.channel[bestStart] as number) : -1;
    let tally = tallies.get(key);
    if (!tally) {
      tally = { levels: new Array(n + 1).fill(0), seconds: [] };
      tallies.set(key, tally);
    }
    (tally.levels[bestLevel] as number)++;
    if (bestLevel === n) tally.seconds.push(bestSeconds);
  });

  const rows: FunnelRow[] = [];
  for (const key of sortedKeys(tallies, data.channels)) {
    const tally = tallies.get(key) as KeyTally;
    const seconds = Float64Array.from(tally.seconds).sort();
    const histogram = new Array(convertHistogramEdges.length + 1).fill(0);
    for (const s of seconds) (histogram[convertHistogramEdges.filter((edge) => s > edge).length] as number)++;
    for (let level = 1; level <= n; level++) {
      const customers = tally.levels[level] as number;
      if (customers === 0) continue;
      const finished = level === n;
      rows.push({
        key: key < 0 ? null : (data.channels.names[key] as string),
        level,
        customers,
        p50Seconds: finished ? continuousQuantile(seconds, 0.5) : null,
        p90Seconds: finished ? continuousQuantile(seconds, 0.9) : null,
        histogram: finished ? histogram : histogram.map(() => 0),
      });
    }
  }
  return rows;
}
