import type {
  JourneyPlan,
  JourneyStageRow,
  KeyMomentRow,
  KeyMomentsPlan,
  MetricRow,
} from '../../store/analytics-port.js';
import { metricValue } from './metric-stats.js';
import { newcombeDifference } from './statistics.js';

const percent = (x: number, of: number) => (of === 0 ? null : (100 * x) / of);
const statsRow = (n: number, a: number, b: number, c = 0): MetricRow => ({
  period: 'current',
  bucket: null,
  key: null,
  n,
  a,
  b,
  c,
});

/** The journey map: per stage, reach, share of the first stage, conversion from the previous stage, experience. */
export function shapeJourney(plan: JourneyPlan, rows: JourneyStageRow[]) {
  const first = rows.find((r) => r.stage === 0)?.customers ?? 0;
  const stages = plan.stages.map((stage, i) => {
    const row = rows.find((r) => r.stage === i);
    const previous = rows.find((r) => r.stage === i - 1);
    const customers = row?.customers ?? 0;
    const fromPrevious = row?.fromPrevious ?? 0;
    return {
      key: stage.key,
      name: stage.name,
      customers,
      shareOfFirst: percent(customers, first),
      fromPrevious: i === 0 ? null : fromPrevious,
      conversionFromPrevious: i === 0 ? null : percent(fromPrevious, previous?.customers ?? 0),
      experience: {
        nps: metricValue('nps', statsRow(row?.nps.n ?? 0, row?.nps.promoters ?? 0, row?.nps.detractors ?? 0)),
        csat: metricValue('csat', statsRow(row?.csat.n ?? 0, row?.csat.satisfied ?? 0, 0)),
        ces: metricValue(
          'ces',
          statsRow(row?.ces.n ?? 0, row?.ces.sum ?? 0, row?.ces.sumOfSquares ?? 0, row?.ces.atLeast5 ?? 0),
        ),
      },
    };
  });
  return {
    kind: 'journey' as const,
    journey: plan.journey,
    timeZone: plan.timeZone,
    range: { from: plan.from, to: plan.to },
    stages,
  };
}

/**
 * Per touchpoint: outcome rate after a poor vs any other experience, the difference in percentage points with
 * Newcombe's 95% interval, and `significant` only when both sides have at least `minSample` customers and the
 * interval excludes 0. `harm` is how much worse the poor side does (lower conversion, or higher churn); sorted by
 * harm, largest first.
 */
export function shapeKeyMoments(plan: KeyMomentsPlan, rows: KeyMomentRow[], minSample: number) {
  const ids = [...new Set(rows.map((r) => r.touchpointId))];
  const stageOf = new Map(plan.touchpoints.map((t) => [t.id, t.stage]));
  const side = (id: string, poor: boolean) => {
    const r = rows.find((x) => x.touchpointId === id && x.poor === poor);
    const customers = r?.customers ?? 0;
    const outcomes = r?.outcomes ?? 0;
    return { customers, outcomes, outcomeRate: percent(outcomes, customers) };
  };
  const touchpoints = ids.map((id) => {
    const poor = side(id, true);
    const other = side(id, false);
    const diff = newcombeDifference(poor.outcomes, poor.customers, other.outcomes, other.customers);
    const difference = diff ? 100 * diff.difference : null;
    const ci = diff ? { low: 100 * diff.low, high: 100 * diff.high } : null;
    const harm = difference === null ? null : plan.outcome === 'conversion' ? -difference : difference;
    const enough = poor.customers >= minSample && other.customers >= minSample;
    return {
      touchpointId: id,
      stage: stageOf.get(id) ?? null,
      poor,
      other,
      differencePoints: difference,
      ci,
      harm,
      significant: enough && ci !== null && (ci.low > 0 || ci.high < 0),
    };
  });
  touchpoints.sort(
    (a, b) =>
      (b.harm ?? Number.NEGATIVE_INFINITY) - (a.harm ?? Number.NEGATIVE_INFINITY) ||
      a.touchpointId.localeCompare(b.touchpointId),
  );
  return {
    kind: 'key_moments' as const,
    outcome: plan.outcome,
    outcomeEvent: plan.outcome === 'conversion' ? plan.outcomeEvent : null,
    windowSeconds: plan.windowSeconds,
    minSample,
    range: { from: plan.from, to: plan.to },
    touchpoints,
  };
}
