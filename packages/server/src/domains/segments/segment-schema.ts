import Type, { type Static } from 'typebox';
import { filterOps } from '../analytics/query-schema.js';

const Value = Type.Union([
  Type.String({ maxLength: 500 }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.Union([Type.String({ maxLength: 500 }), Type.Number()]), { minItems: 1, maxItems: 100 }),
]);

export const SegmentConditionSchema = Type.Object(
  {
    field: Type.String({ pattern: '^trait\\.[A-Za-z0-9_ -]{1,100}$', description: 'trait.<name>' }),
    op: Type.Enum([...filterOps]),
    value: Value,
  },
  {
    additionalProperties: false,
    description:
      'A condition on a current trait, compared as query filters are: numbers numerically (gt/gte/lt/lte need a ' +
      'number), everything else as text; `in` takes a list; `neq` also holds when the trait is missing.',
  },
);

export const SegmentInput = Type.Object(
  {
    key: Type.String({
      pattern: '^[a-z0-9][a-z0-9_-]{0,62}$',
      description: 'Stable handle for survey targeting and query filters (lower case, digits, _ and -).',
    }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    conditions: Type.Array(SegmentConditionSchema, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type SegmentInput = Static<typeof SegmentInput>;

export const SegmentPatch = Type.Partial(SegmentInput, { additionalProperties: false });
export type SegmentPatch = Static<typeof SegmentPatch>;

export const SegmentView = Type.Object({
  id: Type.String(),
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  conditions: Type.Array(SegmentConditionSchema),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
