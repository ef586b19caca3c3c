/**
 * The analytics part of the storage port: a planned, validated query goes in, sufficient statistics come out.
 * Plans are engine-neutral (absolute UTC instants, allow-listed field names); each adapter turns them into its
 * own SQL (store/duckdb/analytics). Shaping (rates, confidence intervals, significance) happens in the domain.
 */
import type { FilterOp, PlainField } from '../domains/analytics/query-schema.js';

export type Interval = 'day' | 'week' | 'month';

/** A field after validation: a column from the allow-list, or a JSON property / current trait by name. */
export type FieldRef =
  | { kind: 'column'; name: PlainField }
  | { kind: 'property'; name: string }
  | { kind: 'trait'; name: string };

export interface PlannedFilter {
  field: FieldRef;
  op: FilterOp;
  /** Lists only with op `in`. */
  value: string | number | boolean | (string | number)[];
}

/** One rule of a touchpoint: every given part must hold (event name, page path glob, property equalities). */
export interface TouchpointRule {
  event?: string | undefined;
  /** Glob on the page path: `*` matches any run of characters, e.g. `/checkout/*`. */
  urlPattern?: string | undefined;
  properties?: { name: string; value: string }[] | undefined;
}

export interface TouchpointRecord {
  id: string;
  workspaceId: string;
  name: string;
  channel: string;
  stage: string | null;
  ownerTeam: string | null;
  description: string;
  rules: TouchpointRule[];
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface TouchpointRepo {
  insert(t: TouchpointRecord): Promise<void>;
  /** Ordered by position, then name. */
  list(workspaceId: string): Promise<TouchpointRecord[]>;
  get(workspaceId: string, id: string): Promise<TouchpointRecord | null>;
  update(t: TouchpointRecord): Promise<void>;
  remove(workspaceId: string, id: string): Promise<void>;
}

export interface TouchpointCoverageRow {
  touchpointId: string;
  events: number;
  lastSeen: string | null;
  responses: number;
  nps: { n: number; promoters: number; detractors: number };
  csat: { n: number; satisfied: number };
  ces: { n: number; sum: number };
}

interface PlanBase {
  /** The registry at planning time: events map to touchpoints (and their stages) by these rules, in order. */
  touchpoints: Pick<TouchpointRecord, 'id' | 'stage' | 'rules'>[];
  workspaceId: string;
  /** IANA zone of the workspace: buckets and cohorts are cut at its local midnights. */
  timeZone: string;
  /** ISO-8601 UTC, from inclusive, to exclusive. */
  from: string;
  to: string;
  filters: PlannedFilter[];
}

export type EventMetric =
  | 'conversion_rate'
  | 'revenue'
  | 'aov'
  | 'repeat_purchase_rate'
  | 'churn_rate'
  | 'clv'
  | 'web_vitals_p75';
export type SurveyMetric = 'nps' | 'csat' | 'ces';
/** From text analytics: share of topic mentions in open-text answers whose sentiment is negative. */
export type TextMetric = 'negative_mention_share';
/** From the survey contact ledger: contacted customers (shown or invited) who answered. */
export type LedgerMetric = 'response_rate';

export interface MetricPlan extends PlanBase {
  kind: 'metric';
  metric: EventMetric | SurveyMetric | TextMetric | LedgerMetric;
  /** The period before `from` of equal length, for comparison; null when not compared. */
  previousFrom: string | null;
  interval: Interval | null;
  breakdown: FieldRef | null;
  conversionEvent: string;
  vital: 'lcp' | 'inp' | 'cls' | 'ttfb';
  /** negative_mention_share: one topic id, or null for every topic. */
  topic: string | null;
}

export interface FunnelPlan extends PlanBase {
  kind: 'funnel';
  /** Each step is an event name or a touchpoint id (mapped by the registry's rules). */
  steps: { event: string | null; touchpoint: string | null; filters: PlannedFilter[] }[];
  windowSeconds: number;
  breakdown: FieldRef | null;
}

export interface PathsPlan extends PlanBase {
  kind: 'paths';
  direction: 'from' | 'to';
  step: string;
  depth: number;
}

export interface RetentionPlan extends PlanBase {
  kind: 'retention';
  interval: 'week' | 'month';
  startEvent: string | null;
  returnEvent: string | null;
  periods: number;
}

export interface ChannelSwitchPlan extends PlanBase {
  kind: 'channel_switch';
  windowSeconds: number;
}

export type QueryPlan = MetricPlan | FunnelPlan | PathsPlan | RetentionPlan | ChannelSwitchPlan;

/**
 * Sufficient statistics per (period, bucket, breakdown key). What n/a/b/c hold depends on the metric; see
 * domains/analytics/metric-stats.ts, which is the one place that reads them.
 */
export interface MetricRow {
  period: 'current' | 'previous';
  bucket: string | null;
  key: string | null;
  n: number;
  a: number;
  b: number;
  c: number;
}

/** Per breakdown key: how many customers reached each step count (level 0..steps), and conversion times. */
export interface FunnelRow {
  key: string | null;
  level: number;
  customers: number;
  /** Time from step 1 to the last step of converted customers (level = steps); null on other levels. */
  p50Seconds: number | null;
  p90Seconds: number | null;
  /** Converted customers per time-to-convert bucket, bucket i ending at convertHistogramEdges[i] (last: open). */
  histogram: number[];
}

/** Upper edges (seconds, inclusive) of the time-to-convert histogram: 1 min, 10 min, 1 h, 6 h, 1 d, 3 d, 7 d, more. */
export const convertHistogramEdges = [60, 600, 3600, 21_600, 86_400, 259_200, 604_800] as const;

export interface PathRow {
  path: string[];
  customers: number;
}

export interface RetentionRow {
  cohort: string;
  period: number;
  customers: number;
}

export interface ChannelSwitchRow {
  from: string;
  to: string;
  switches: number;
  customers: number;
}

export interface AnalyticsResultByKind {
  metric: MetricRow[];
  funnel: FunnelRow[];
  paths: PathRow[];
  retention: RetentionRow[];
  channel_switch: ChannelSwitchRow[];
}

export interface AnalyticsStore {
  run<P extends QueryPlan>(plan: P): Promise<AnalyticsResultByKind[P['kind']]>;
  /** The engine's plan for the SQL a query plan turns into (SQL-shape tests, debugging). */
  explain(plan: QueryPlan): Promise<string>;
  touchpoints: TouchpointRepo;
  /** Per touchpoint: mapped event volume and last event in [from, to), and survey answers given at it. */
  coverage(
    workspaceId: string,
    touchpoints: Pick<TouchpointRecord, 'id' | 'stage' | 'rules'>[],
    range: { from: string; to: string },
  ): Promise<TouchpointCoverageRow[]>;
}
