import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canRunQueries } from '../../domains/access/permissions.js';
import { queryKinds } from '../../domains/analytics/query-schema.js';
import { runQuery } from '../../domains/analytics/run-query.js';
import type { Store } from '../../store/port.js';
import { type Clock, domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { standardErrors, WorkspaceParams } from '../schemas.js';

const last30 = { last: '30d' };
/** One example per kind; the dashboard sends exactly these shapes. */
const examples = [
  {
    kind: 'kpi',
    metric: 'nps',
    timeRange: last30,
    breakdown: 'stage',
    filters: [{ field: 'channel', op: 'eq', value: 'web' }],
  },
  {
    kind: 'trend',
    metric: 'csat',
    interval: 'week',
    timeRange: { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
  },
  {
    kind: 'funnel',
    timeRange: last30,
    steps: [
      { event: 'Product Viewed' },
      { event: 'Product Added' },
      { event: 'Checkout Started' },
      { event: 'Order Completed' },
    ],
    windowSeconds: 604800,
    breakdown: 'channel',
  },
  { kind: 'paths', timeRange: last30, direction: 'from', step: 'Product Viewed', depth: 5, top: 10 },
  { kind: 'retention', timeRange: { last: '90d' }, interval: 'week', returnEvent: 'Order Completed' },
  { kind: 'channel_switch', timeRange: last30, windowSeconds: 86400 },
  { kind: 'journey', timeRange: last30, journeyId: '0190f5a2-7c3e-7d41-9a55-3b2f6c1d8e90' },
  {
    kind: 'key_moments',
    timeRange: { last: '90d' },
    outcome: 'conversion',
    outcomeEvent: 'Order Completed',
    windowSeconds: 2_592_000,
    minSample: 30,
  },
  { kind: 'kpi', metric: 'custom:orders_per_view', timeRange: last30, breakdown: 'channel' },
  { kind: 'answer_distribution', timeRange: last30, surveyId: '0190f5a2-7c3e-7d41-9a55-3b2f6c1d8e91' },
];

const description = `One endpoint for every analysis: a validated Query object (kind + timeRange + filters + kind-specific fields),
planned, turned into SQL by the store adapter and shaped. Every customer is counted once by canonical profile: events of
merged profiles count for the surviving profile. Buckets and cohorts are cut at local midnights of the workspace time zone
(DST days have 23 or 25 hours). Ties in time are ordered by arrival.

Common: \`timeRange\` is \`{from, to}\` (ISO-8601, from inclusive, to exclusive, at most 3 years) or \`{last: 7d|30d|90d|12m}\`.
\`filters\`: \`[{field, op, value}]\`, all must hold; fields: channel, event, type, page_path, utm_source, utm_medium,
utm_campaign, browser, os, device (events); channel, survey, stage, touchpoint, device (survey answers); property.<name>
(event properties), trait.<name> (current trait of the profile), segment (op eq with a segment key from /segments:
the segment's trait conditions apply, so it selects the same customers as survey targeting; filters only). Ops: eq,
neq, in (list), contains (case-insensitive), gt, gte, lt, lte (numbers).

- **kpi** \`metric\`: nps (% promoters 9–10 − % detractors 0–6, 95% CI ±1.96·√((pP+pD−(pP−pD)²)/n)), csat (% of 4–5 on 1–5),
  ces (mean on 1–7, plus share ≥ 5), conversion_rate (% of profiles with any event that have \`conversionEvent\`, default
  Order Completed), revenue, aov and clv (from Order Completed \`revenue\`, else \`total\`; clv = lifetime revenue per
  customer who ordered in the range), repeat_purchase_rate (% of ordering customers with ≥ 2 orders), churn_rate (% of
  profiles active in the previous period of equal length and not in this one), web_vitals_p75 (\`vital\`: lcp, inp, cls,
  ttfb of Web Vitals events). Compared with the previous period of equal length (\`compare\`, default true) with a
  significance flag: two-proportion z-test for rates, z-test on the NPS variance for NPS, Welch's t for means.
  response_rate (% of customers contacted with a survey in the range, shown or invited, who answered it after the
  first contact; breakdown channel or survey; no filters), negative_mention_share (% of topic mentions in open-text
  answers with negative sentiment; optional \`topic\`; no breakdown).
  Survey metrics count every answered score by answer time, whether the response was finished or not.
  Stage experience is this kind with metric nps/csat/ces and breakdown \`stage\` or \`touchpoint\`. Events get their
  touchpoint (and its stage) from the touchpoint registry's rules when the query runs.
- **trend**: the same metrics per \`interval\` (day, week = ISO week from Monday, month); empty buckets are left out.
- **funnel** \`steps\` (2–10 event names with optional per-step filters), \`windowSeconds\`: per customer, the longest prefix of
  steps reached in order within the window (inclusive) that starts at one of their step-1 events, the best start counting
  (ClickHouse windowFunnel, default mode). Events with the same timestamp count in arrival order and one event fills
  one step. Conversion and drop-off per step; time to convert (p50, p90, histogram) of the best start.
- **paths** from or to \`step\`, \`depth\` 2–10: starting at the customer's first occurrence of the step; a step is a track
  event name or a page path; repeats in a row count once. Top \`top\` paths with share of customers, the rest as other,
  and Sankey nodes/links.
- **retention** cohorts by week or month of the first (\`startEvent\`) event; returning customers (\`returnEvent\`) in
  each of \`periods\` (≤ 12) later periods.
- **channel_switch**: consecutive events of a customer on different channels at most \`windowSeconds\` apart, as a
  from→to matrix of switches and customers.
- **journey** \`journeyId\` (a stored journey, see /journeys): per stage in order, \`customers\` who reached it in the range
  (an event reaches a stage when the registry maps it to one of the stage's touchpoints, or its name is one of the
  stage's events), \`shareOfFirst\` (% of the first stage's customers), \`fromPrevious\` and \`conversionFromPrevious\`
  (customers of the previous stage with an event of this stage at or after their first previous-stage event, and their
  % of the previous stage), and \`experience\`: NPS (with 95% CI), CSAT, CES of answers given in the range on responses
  whose touchpoint is one of the stage's touchpoints (a response is at the touchpoint it was given at, else at the
  touchpoint its survey measures, settings.touchpointId; a stage made of event names only has no experience). \`filters\` narrow the events, not the answers.
- **key_moments** \`outcome\` conversion (a track event \`outcomeEvent\`, default Order Completed) or churn (no event at
  all), looked for strictly after the response and at most \`windowSeconds\` later: per touchpoint, customers whose first
  scored response there (same touchpoint rule as journey) in the range was poor (NPS 0–6, CSAT ≤ 2, CES ≥ 5, any of its answers) vs other, their outcome
  rates, the difference in percentage points with Newcombe's 95% hybrid score interval, \`harm\` (how much worse the
  poor side does) and \`significant\` (only with ≥ \`minSample\` customers on each side, default 30, and an interval
  that excludes 0); sorted by harm. Responses without a known profile are left out. \`filters\` apply to responses.
- **answer_distribution** \`surveyId\`, optional \`questionIds\`: per choice, consent and scale question of one survey,
  responses that answered it in the range and answers per option (choice id, whole-number score, true/false) with
  their share; options nobody chose are absent.
- **custom metrics**: kpi and trend take \`metric: "custom:<key>"\` of a stored definition (see /metrics): count, sum,
  average or ratio over filtered events or responses; the query's filters, breakdown and interval apply on top.

An invalid query (unknown kind, field, operator, window or time range) answers 400 CAIRN_VALIDATION_FAILED whose details
name the offending field.`;

const QueryBody = Type.Object(
  { kind: Type.Enum([...queryKinds], { description: 'Which analysis; the other fields depend on it.' }) },
  {
    additionalProperties: true,
    examples,
    description: 'A Query object; see the operation description for each kind.',
  },
);

export function queryRoutes(app: FastifyInstance, deps: { store: Store; now: Clock }): void {
  app.post(
    '/api/v1/workspaces/:workspaceId/query',
    {
      config: { access: workspaceAccess(canRunQueries, 'run analytics queries') },
      schema: {
        tags: ['analytics'],
        summary:
          'Run an analysis: KPI, trend, funnel, paths, retention, channel switching, journey map or key moments.',
        description,
        params: WorkspaceParams,
        body: QueryBody,
        response: {
          200: Type.Object(
            { kind: Type.Enum([...queryKinds]) },
            {
              additionalProperties: true,
              description: 'Shaped result of the kind asked for (aggregates only).',
            },
          ),
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const { workspaceId } = request.params as { workspaceId: string };
      return runQuery(domainContext(request, deps.store, deps.now), workspaceId, request.body);
    },
  );
}
