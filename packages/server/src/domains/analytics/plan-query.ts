import { instantOf } from '../../instants.js';
import type { JourneyRecord } from '../../store/analytics-definitions-port.js';
import type {
  CustomMetricSpec,
  FieldRef,
  PlannedFilter,
  QueryPlan,
  TouchpointRecord,
} from '../../store/analytics-port.js';
import { planAnswerDistribution } from './answer-distribution.js';
import { invalidQuery } from './parse-query.js';
import {
  customMetricPrefix,
  type FilterInput,
  type KpiMetric,
  type PlainField,
  type Query,
} from './query-schema.js';

type TouchpointMapping = Pick<TouchpointRecord, 'id' | 'stage' | 'rules'>;

const day = 86_400_000;
const maxSpan = 3 * 366 * day;

export interface ResolvedRange {
  from: string;
  to: string;
}

/**
 * `last: 7d|30d|90d` ends now; `12m` starts twelve calendar months (UTC) before now. Absolute ranges must be
 * ordered and at most three years long.
 */
export function resolveTimeRange(range: Query['timeRange'], now: Date): ResolvedRange {
  if ('last' in range) {
    const from = new Date(now);
    if (range.last === '12m') from.setUTCMonth(from.getUTCMonth() - 12);
    else from.setTime(now.getTime() - Number.parseInt(range.last, 10) * day);
    return { from: from.toISOString(), to: now.toISOString() };
  }
  const from = instantOf(range.from);
  const to = instantOf(range.to);
  if (from === null || to === null) {
    const field = `body.timeRange.${from === null ? 'from' : 'to'}`;
    throw invalidQuery([{ field, message: 'must lie between 0000-01-01 and 9999-12-31 (UTC)' }]);
  }
  if (!(from < to))
    throw invalidQuery([{ field: 'body.timeRange.to', message: 'must be after timeRange.from' }]);
  if (to - from > maxSpan)
    throw invalidQuery([{ field: 'body.timeRange', message: 'must span at most 3 years' }]);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

export function fieldRef(name: string): FieldRef {
  if (name.startsWith('property.')) return { kind: 'property', name: name.slice('property.'.length) };
  if (name.startsWith('trait.')) return { kind: 'trait', name: name.slice('trait.'.length) };
  return { kind: 'column', name: name as PlainField };
}

/** `in` takes a list, every other operator one value; range operators compare numbers. */
export function planFilters(filters: FilterInput[] | undefined, path: string): PlannedFilter[] {
  return (filters ?? []).map((f, i) => {
    const isList = Array.isArray(f.value);
    if (f.op === 'in' && !isList)
      throw invalidQuery([{ field: `${path}.${i}.value`, message: 'must be a list for op in' }]);
    if (f.op !== 'in' && isList)
      throw invalidQuery([{ field: `${path}.${i}.value`, message: `must be a single value for op ${f.op}` }]);
    if (['gt', 'gte', 'lt', 'lte'].includes(f.op) && typeof f.value !== 'number') {
      throw invalidQuery([{ field: `${path}.${i}.value`, message: `must be a number for op ${f.op}` }]);
    }
    return { field: fieldRef(f.field), op: f.op, value: f.value };
  });
}

/** Turns a parsed query into an engine-neutral plan: absolute instants, validated filters, defaults filled in. */
export function planQuery(
  query: Query,
  ctx: {
    workspaceId: string;
    timeZone: string;
    now: Date;
    touchpoints?: TouchpointMapping[];
    /** kind journey: the stored journey named by journeyId (run-query.ts loads it). */
    journey?: JourneyRecord | null;
    /** kpi/trend with metric custom:<key>: the stored definition, planned (run-query.ts loads it). */
    customMetric?: CustomMetricSpec | null;
  },
): QueryPlan {
  const range = resolveTimeRange(query.timeRange, ctx.now);
  const base = {
    workspaceId: ctx.workspaceId,
    timeZone: ctx.timeZone,
    touchpoints: ctx.touchpoints ?? [],
    ...range,
    filters: planFilters(query.filters, 'body.filters'),
  };
  switch (query.kind) {
    case 'kpi':
    case 'trend': {
      if (query.metric === 'response_rate') {
        if (query.breakdown && query.breakdown !== 'channel' && query.breakdown !== 'survey') {
          throw invalidQuery([
            { field: 'body.breakdown', message: 'response_rate can be broken down by channel or survey' },
          ]);
        }
        if (query.filters?.length) {
          throw invalidQuery([
            { field: 'body.filters', message: 'response_rate takes no filters; break it down instead' },
          ]);
        }
      }
      if (query.kind === 'trend' && query.metric === 'churn_rate') {
        throw invalidQuery([
          { field: 'body.metric', message: 'churn_rate compares two periods and has no trend; use kind kpi' },
        ]);
      }
      if (query.metric === 'negative_mention_share' && query.breakdown) {
        throw invalidQuery([
          {
            field: 'body.breakdown',
            message: 'negative_mention_share has no breakdown: ask per topic with `topic`',
          },
        ]);
      }
      const compared = query.kind === 'kpi' ? query.compare !== false : false;
      const span = Date.parse(range.to) - Date.parse(range.from);
      const isCustom = query.metric.startsWith(customMetricPrefix);
      const custom = isCustom ? ctx.customMetric : null;
      if (isCustom && !custom) {
        throw invalidQuery([{ field: 'body.metric', message: 'names no custom metric of this workspace' }]);
      }
      return {
        ...base,
        kind: 'metric',
        metric: custom ? `custom_${custom.aggregate}` : (query.metric as KpiMetric),
        custom: custom ?? null,
        previousFrom:
          compared || query.metric === 'churn_rate'
            ? new Date(Date.parse(range.from) - span).toISOString()
            : null,
        interval: query.kind === 'trend' ? query.interval : null,
        breakdown: query.breakdown ? fieldRef(query.breakdown) : null,
        conversionEvent: query.conversionEvent ?? 'Order Completed',
        vital: query.vital ?? 'lcp',
        topic: query.topic ?? null,
      };
    }
    case 'funnel':
      return {
        ...base,
        kind: 'funnel',
        steps: query.steps.map((s, i) => {
          if ((s.event === undefined) === (s.touchpoint === undefined)) {
            throw invalidQuery([
              { field: `body.steps.${i}`, message: 'must name exactly one of event, touchpoint' },
            ]);
          }
          const known = s.touchpoint === undefined || ctx.touchpoints?.some((t) => t.id === s.touchpoint);
          if (!known)
            throw invalidQuery([
              { field: `body.steps.${i}.touchpoint`, message: 'is not a touchpoint of this workspace' },
            ]);
          return {
            event: s.event ?? null,
            touchpoint: s.touchpoint ?? null,
            filters: planFilters(s.filters, `body.steps.${i}.filters`),
          };
        }),
        windowSeconds: query.windowSeconds,
        breakdown: query.breakdown ? fieldRef(query.breakdown) : null,
      };
    case 'paths':
      return { ...base, kind: 'paths', direction: query.direction, step: query.step, depth: query.depth };
    case 'retention':
      return {
        ...base,
        kind: 'retention',
        interval: query.interval,
        startEvent: query.startEvent ?? null,
        returnEvent: query.returnEvent ?? null,
        periods: query.periods ?? 12,
      };
    case 'channel_switch':
      return { ...base, kind: 'channel_switch', windowSeconds: query.windowSeconds };
    case 'journey': {
      const journey = ctx.journey;
      if (!journey || journey.id !== query.journeyId) {
        throw invalidQuery([{ field: 'body.journeyId', message: 'is not a journey of this workspace' }]);
      }
      return {
        ...base,
        kind: 'journey',
        journey: { id: journey.id, name: journey.name },
        stages: journey.stages,
      };
    }
    case 'key_moments':
      return {
        ...base,
        kind: 'key_moments',
        outcome: query.outcome,
        outcomeEvent: query.outcomeEvent ?? 'Order Completed',
        windowSeconds: query.windowSeconds,
      };
    case 'answer_distribution':
      return planAnswerDistribution(query, base);
  }
}
