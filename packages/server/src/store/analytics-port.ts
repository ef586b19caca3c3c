/**
 * The analytics part of the storage port: a planned, validated query goes in, sufficient statistics come out.
 * Plans are engine-neutral (absolute UTC instants, allow-listed field names); each adapter turns them into its
 * own SQL (store/duckdb/analytics). Shaping (rates, confidence intervals, significance) happens in the domain.
 */
import type { FilterOp, PlainField } from '../domains/analytics/query-schema.js';
import type {
  CustomMetricAggregate,
  CustomMetricRepo,
  CustomMetricSource,
  JourneyRepo,
  JourneyStage,
} from './analytics-definitions-port.js';

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

/** A user-defined metric (stored definition), one internal name per aggregate. */
export type CustomMetric = `custom_${CustomMetricAggregate}`;

/** A stored custom metric after validation: its filters planned like query filters. */
export interface CustomMetricSpec {
  source: CustomMetricSource;
  aggregate: CustomMetricAggregate;
  /** sum/average: a property name (events) or a question type (responses). */
  field: FieldRef | { kind: 'question'; name: string } | null;
  filters: PlannedFilter[];
  denominatorFilters: PlannedFilter[];
}

export interface MetricPlan extends PlanBase {
  kind: 'metric';
  metric: EventMetric | SurveyMetric | TextMetric | LedgerMetric | CustomMetric;
  /** The stored definition when `metric` is custom_*; null otherwise. */
  custom: CustomMetricSpec | null;
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

/** Per stage of a stored journey: who reached it, who came on from the previous stage, experience there. */
export interface JourneyPlan extends PlanBase {
  kind: 'journey';
  journey: { id: string; name: string };
  stages: JourneyStage[];
}

/** Poor vs other experience at each touchpoint and an outcome within a window after the response. */
export interface KeyMomentsPlan extends PlanBase {
  kind: 'key_moments';
  outcome: 'conversion' | 'churn';
  /** conversion only: the event that counts as converting. */
  outcomeEvent: string;
  windowSeconds: number;
}

/** Per question of one survey: answers per option (choices, consent) or per whole-number score (scales). */
export interface AnswerDistributionPlan extends PlanBase {
  kind: 'answer_distribution';
  surveyId: string;
  /** Only these questions; null for every countable question of the survey. */
  questionIds: string[] | null;
}

export type QueryPlan =
  | MetricPlan
  | FunnelPlan
  | PathsPlan
  | RetentionPlan
  | ChannelSwitchPlan
  | JourneyPlan
  | KeyMomentsPlan
  | AnswerDistributionPlan;

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

export interface JourneyStageRow {
  /** 0-based index into the plan's stages. */
  stage: number;
  customers: number;
  /** Customers of the previous stage with an event of this stage at or after their first previous-stage event. */
  fromPrevious: number;
  nps: { n: number; promoters: number; detractors: number };
  csat: { n: number; satisfied: number };
  ces: { n: number; sum: number; sumOfSquares: number; atLeast5: number };
}

export interface KeyMomentRow {
  touchpointId: string;
  poor: boolean;
  customers: number;
  /** Customers whose outcome happened (converted, or churned) within the window. */
  outcomes: number;
}

/** How many responses gave `value` to a question, and how many answered that question at all. */
export interface AnswerCountRow {
  questionId: string;
  questionType: string;
  value: string;
  answers: number;
  answered: number;
}

export interface AnalyticsResultByKind {
  metric: MetricRow[];
  funnel: FunnelRow[];
  paths: PathRow[];
  retention: RetentionRow[];
  channel_switch: ChannelSwitchRow[];
  journey: JourneyStageRow[];
  key_moments: KeyMomentRow[];
  answer_distribution: AnswerCountRow[];
}

export interface AnalyticsStore {
  run<P extends QueryPlan>(plan: P): Promise<AnalyticsResultByKind[P['kind']]>;
  /** The engine's plan for the SQL a query plan turns into (SQL-shape tests, debugging). */
  explain(plan: QueryPlan): Promise<string>;
  touchpoints: TouchpointRepo;
  journeys: JourneyRepo;
  customMetrics: CustomMetricRepo;
  /** Per touchpoint: mapped event volume and last event in [from, to), and survey answers given at it. */
  coverage(
    workspaceId: string,
    touchpoints: Pick<TouchpointRecord, 'id' | 'stage' | 'rules'>[],
    range: { from: string; to: string },
  ): Promise<TouchpointCoverageRow[]>;
}
