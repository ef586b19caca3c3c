import Type, { type Static } from 'typebox';
import { Filter } from '../analytics/query-schema.js';

export const customMetricSources = ['events', 'responses'] as const;
export const customMetricAggregates = ['count', 'sum', 'average', 'ratio'] as const;
/** Scores a responses metric can sum or average: the question type whose answers it reads. */
export const responseScoreFields = ['nps', 'csat', 'ces', 'rating'] as const;

const Filters = Type.Array(Filter, { maxItems: 20 });

export const CustomMetricInput = Type.Object(
  {
    key: Type.String({
      pattern: '^[a-z][a-z0-9_]{0,49}$',
      description: 'Queries use it as metric `custom:<key>`; unique in the workspace.',
    }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    source: Type.Enum([...customMetricSources], {
      description: 'events: tracked events; responses: answered survey scores (one row per scored answer).',
    }),
    aggregate: Type.Enum([...customMetricAggregates], {
      description:
        'count: rows (events, or responses); sum / average: of `field`; ratio: rows matching `filters` ÷ rows ' +
        'matching `denominatorFilters`.',
    }),
    field: Type.Optional(
      Type.String({
        maxLength: 110,
        description:
          'sum and average only. events: property.<name> (read as a number); responses: nps, csat, ces or rating.',
      }),
    ),
    filters: Type.Optional(Filters),
    denominatorFilters: Type.Optional(Filters),
  },
  { additionalProperties: false },
);
export type CustomMetricInput = Static<typeof CustomMetricInput>;

export const CustomMetricView = Type.Object({
  id: Type.String(),
  key: Type.String(),
  name: Type.String(),
  source: Type.Enum([...customMetricSources]),
  aggregate: Type.Enum([...customMetricAggregates]),
  field: Type.Union([Type.String(), Type.Null()]),
  filters: Filters,
  denominatorFilters: Type.Union([Filters, Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
