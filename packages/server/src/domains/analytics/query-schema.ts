import Type, { type Static } from 'typebox';

/**
 * The one Query object every analysis is sent as (`POST /api/v1/workspaces/{id}/query`). One schema per kind;
 * parse-query.ts picks the schema by `kind` so errors name the offending field instead of listing union branches.
 */

export const relativeWindows = ['7d', '30d', '90d', '12m'] as const;
export const intervals = ['day', 'week', 'month'] as const;
export const filterOps = ['eq', 'neq', 'in', 'contains', 'gt', 'gte', 'lt', 'lte'] as const;
export type FilterOp = (typeof filterOps)[number];

/** Fields that map to a column; `property.<name>` and `trait.<name>` are added by pattern. */
export const plainFields = [
  'channel',
  'event',
  'type',
  'page_path',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'browser',
  'os',
  'device',
  'survey',
  'stage',
  'touchpoint',
  'segment',
] as const;
export type PlainField = (typeof plainFields)[number];
/** `property.plan`, `trait.city`: names are bound as SQL parameters, never spliced. */
export const dynamicFieldPattern = '^(property|trait)\\.[A-Za-z0-9_ -]{1,100}$';
const fieldPattern = `^(${plainFields.join('|')})$|${dynamicFieldPattern}`;

export const FieldName = Type.String({
  pattern: fieldPattern,
  description: `One of ${plainFields.join(', ')}, property.<name> or trait.<name>.`,
});

export const TimeRange = Type.Union(
  [
    Type.Object(
      { from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) },
      { additionalProperties: false },
    ),
    Type.Object({ last: Type.Enum([...relativeWindows]) }, { additionalProperties: false }),
  ],
  {
    description:
      'Absolute ISO-8601 instants (from inclusive, to exclusive), or the last 7d/30d/90d/12m up to now.',
  },
);

const FilterValue = Type.Union([
  Type.String({ maxLength: 500 }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.Union([Type.String({ maxLength: 500 }), Type.Number()]), { minItems: 1, maxItems: 100 }),
]);
export const Filter = Type.Object(
  { field: FieldName, op: Type.Enum([...filterOps]), value: FilterValue },
  { additionalProperties: false },
);

const common = {
  timeRange: TimeRange,
  filters: Type.Optional(Type.Array(Filter, { maxItems: 20 })),
};

export const kpiMetrics = [
  'nps',
  'csat',
  'ces',
  'response_rate',
  'conversion_rate',
  'revenue',
  'aov',
  'repeat_purchase_rate',
  'churn_rate',
  'clv',
  'web_vitals_p75',
  'negative_mention_share',
] as const;
export type KpiMetric = (typeof kpiMetrics)[number];
export const webVitals = ['lcp', 'inp', 'cls', 'ttfb'] as const;

/** A stored custom metric (`/metrics`), by key. */
export const customMetricPattern = '^custom:[a-z][a-z0-9_]{0,49}$';
export const customMetricPrefix = 'custom:';

const metricFields = {
  metric: Type.Union([Type.Enum([...kpiMetrics]), Type.String({ pattern: customMetricPattern })], {
    description: `One of ${kpiMetrics.join(', ')}, or custom:<key> of a stored custom metric.`,
  }),
  breakdown: Type.Optional(FieldName),
  conversionEvent: Type.Optional(Type.String({ minLength: 1, maxLength: 200, default: 'Order Completed' })),
  vital: Type.Optional(Type.Enum([...webVitals])),
  topic: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'negative_mention_share only: one topic id of the workspace taxonomy (default: every topic).',
    }),
  ),
};

export const KpiQuery = Type.Object(
  { kind: Type.Literal('kpi'), ...common, ...metricFields, compare: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const TrendQuery = Type.Object(
  { kind: Type.Literal('trend'), ...common, ...metricFields, interval: Type.Enum([...intervals]) },
  { additionalProperties: false },
);

export const Step = Type.Object(
  {
    event: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    touchpoint: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'A touchpoint id.' })),
    filters: Type.Optional(Type.Array(Filter, { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const FunnelQuery = Type.Object(
  {
    kind: Type.Literal('funnel'),
    ...common,
    steps: Type.Array(Step, { minItems: 2, maxItems: 10 }),
    windowSeconds: Type.Integer({ minimum: 1, maximum: 90 * 86_400 }),
    breakdown: Type.Optional(FieldName),
  },
  { additionalProperties: false },
);

export const PathsQuery = Type.Object(
  {
    kind: Type.Literal('paths'),
    ...common,
    direction: Type.Enum(['from', 'to']),
    step: Type.String({ minLength: 1, maxLength: 200 }),
    depth: Type.Integer({ minimum: 2, maximum: 10 }),
    top: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

export const RetentionQuery = Type.Object(
  {
    kind: Type.Literal('retention'),
    ...common,
    interval: Type.Enum(['week', 'month']),
    startEvent: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    returnEvent: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    periods: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, default: 12 })),
  },
  { additionalProperties: false },
);

export const ChannelSwitchQuery = Type.Object(
  {
    kind: Type.Literal('channel_switch'),
    ...common,
    windowSeconds: Type.Integer({ minimum: 1, maximum: 90 * 86_400 }),
  },
  { additionalProperties: false },
);

export const JourneyQuery = Type.Object(
  {
    kind: Type.Literal('journey'),
    ...common,
    journeyId: Type.String({ format: 'uuid', description: 'A stored journey of this workspace.' }),
  },
  { additionalProperties: false },
);

export const KeyMomentsQuery = Type.Object(
  {
    kind: Type.Literal('key_moments'),
    ...common,
    outcome: Type.Enum(['conversion', 'churn']),
    outcomeEvent: Type.Optional(Type.String({ minLength: 1, maxLength: 200, default: 'Order Completed' })),
    windowSeconds: Type.Integer({ minimum: 1, maximum: 90 * 86_400 }),
    minSample: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        default: 30,
        description: 'Customers needed on each side before a difference may be called significant.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AnswerDistributionQuery = Type.Object(
  {
    kind: Type.Literal('answer_distribution'),
    ...common,
    surveyId: Type.String({ format: 'uuid', description: 'The survey whose answers are counted.' }),
    questionIds: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), {
        minItems: 1,
        maxItems: 100,
        description: 'Only these questions (default: every choice, consent and scale question).',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Answers per option of each choice (single/multiple), consent and scale (nps/csat/ces/rating) question of one survey.',
  },
);

export const queryKinds = [
  'kpi',
  'trend',
  'funnel',
  'paths',
  'retention',
  'channel_switch',
  'journey',
  'key_moments',
  'answer_distribution',
] as const;
export type QueryKind = (typeof queryKinds)[number];

export const schemaByKind = {
  kpi: KpiQuery,
  trend: TrendQuery,
  funnel: FunnelQuery,
  paths: PathsQuery,
  retention: RetentionQuery,
  channel_switch: ChannelSwitchQuery,
  journey: JourneyQuery,
  key_moments: KeyMomentsQuery,
  answer_distribution: AnswerDistributionQuery,
} as const satisfies Record<QueryKind, unknown>;

export type Query =
  | Static<typeof KpiQuery>
  | Static<typeof TrendQuery>
  | Static<typeof FunnelQuery>
  | Static<typeof PathsQuery>
  | Static<typeof RetentionQuery>
  | Static<typeof ChannelSwitchQuery>
  | Static<typeof JourneyQuery>
  | Static<typeof KeyMomentsQuery>
  | Static<typeof AnswerDistributionQuery>;
export type FilterInput = Static<typeof Filter>;
