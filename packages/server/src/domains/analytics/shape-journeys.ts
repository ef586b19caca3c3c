import {
  type ChannelSwitchRow,
  convertHistogramEdges,
  type FunnelPlan,
  type FunnelRow,
  type PathRow,
  type PathsPlan,
  type RetentionPlan,
  type RetentionRow,
} from '../../store/analytics-port.js';

const percent = (x: number, of: number) => (of === 0 ? null : (100 * x) / of);

/** Customers reaching step i are those whose deepest level is ≥ i; conversion is relative to step 1 and to the step before. */
export function shapeFunnel(plan: FunnelPlan, rows: FunnelRow[]) {
  const keys = [...new Set(rows.map((r) => r.key))];
  if (keys.length === 0 && plan.breakdown === null) keys.push(null);
  const groups = keys.map((key) => {
    const mine = rows.filter((r) => r.key === key);
    const reached = plan.steps.map((_, i) =>
      mine.filter((r) => r.level >= i + 1).reduce((s, r) => s + r.customers, 0),
    );
    const converted = mine.find((r) => r.level === plan.steps.length);
    return {
      key,
      steps: plan.steps.map((step, i) => ({
        step: i + 1,
        event: step.event,
        touchpoint: step.touchpoint,
        customers: reached[i] ?? 0,
        conversionFromStart: percent(reached[i] ?? 0, reached[0] ?? 0),
        conversionFromPrevious: i === 0 ? null : percent(reached[i] ?? 0, reached[i - 1] ?? 0),
        dropOff: i === 0 ? 0 : (reached[i - 1] ?? 0) - (reached[i] ?? 0),
      })),
      timeToConvert: {
        p50Seconds: converted?.p50Seconds ?? null,
        p90Seconds: converted?.p90Seconds ?? null,
        histogram: (converted?.histogram ?? convertHistogramEdges.map(() => 0).concat(0)).map(
          (customers, i) => ({
            upToSeconds: convertHistogramEdges[i] ?? null,
            customers,
          }),
        ),
      },
    };
  });
  return {
    kind: 'funnel' as const,
    windowSeconds: plan.windowSeconds,
    range: { from: plan.from, to: plan.to },
    groups,
  };
}

/** Top paths with their share of customers, the rest as "other", and Sankey nodes/links over all paths. */
export function shapePaths(plan: PathsPlan, rows: PathRow[], top: number) {
  const total = rows.reduce((s, r) => s + r.customers, 0);
  const shown = rows.slice(0, top);
  const otherCustomers = total - shown.reduce((s, r) => s + r.customers, 0);
  const nodes = new Map<string, { id: string; name: string; step: number }>();
  const links = new Map<string, { source: string; target: string; value: number }>();
  for (const r of rows) {
    // Paths "to" a step are right-aligned so the step sits in the last column of the diagram.
    const offset = plan.direction === 'to' ? plan.depth - r.path.length : 0;
    const ids = r.path.map((name, i) => {
      const id = `${i + offset}:${name}`;
      nodes.set(id, { id, name, step: i + offset });
      return id;
    });
    for (let i = 1; i < ids.length; i++) {
      const source = ids[i - 1] as string;
      const target = ids[i] as string;
      const link = links.get(`${source}\u0000${target}`) ?? { source, target, value: 0 };
      link.value += r.customers;
      links.set(`${source}\u0000${target}`, link);
    }
  }
  return {
    kind: 'paths' as const,
    direction: plan.direction,
    step: plan.step,
    customers: total,
    paths: shown.map((r) => ({ path: r.path, customers: r.customers, share: percent(r.customers, total) })),
    other: { customers: otherCustomers, share: percent(otherCustomers, total) },
    sankey: {
      nodes: [...nodes.values()].sort((a, b) => a.step - b.step || a.name.localeCompare(b.name)),
      links: [...links.values()].sort((a, b) => b.value - a.value),
    },
  };
}

export function shapeRetention(plan: RetentionPlan, rows: RetentionRow[]) {
  const cohorts = [...new Set(rows.map((r) => r.cohort))].sort().map((cohort) => {
    const size = rows.find((r) => r.cohort === cohort && r.period === 0)?.customers ?? 0;
    return {
      cohort,
      customers: size,
      periods: Array.from({ length: plan.periods }, (_, i) => {
        const customers = rows.find((r) => r.cohort === cohort && r.period === i + 1)?.customers ?? 0;
        return { period: i + 1, customers, share: percent(customers, size) };
      }),
    };
  });
  return { kind: 'retention' as const, interval: plan.interval, timeZone: plan.timeZone, cohorts };
}

export function shapeChannelSwitch(rows: ChannelSwitchRow[]) {
  const channels = [...new Set(rows.flatMap((r) => [r.from, r.to]))].sort();
  return { kind: 'channel_switch' as const, channels, switches: rows };
}
