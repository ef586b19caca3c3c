import { channels } from '@cairn/protocol';
import Type, { type Static } from 'typebox';

const Name = Type.String({ minLength: 1, maxLength: 100 });

export const TouchpointRuleSchema = Type.Object(
  {
    event: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Event name, exact.' })),
    urlPattern: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 300,
        description: 'Glob on the page path; * matches anything.',
      }),
    ),
    properties: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ pattern: '^[A-Za-z0-9_ -]{1,100}$' }),
            value: Type.String({ maxLength: 300 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10, description: 'Property equalities (values compared as text).' },
      ),
    ),
  },
  {
    additionalProperties: false,
    description: 'Every given part must hold; give at least event or urlPattern.',
  },
);

export const TouchpointInput = Type.Object(
  {
    name: Name,
    channel: Type.Enum([...channels]),
    stage: Type.Optional(Type.Union([Name, Type.Null()])),
    ownerTeam: Type.Optional(Type.Union([Name, Type.Null()])),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    rules: Type.Array(TouchpointRuleSchema, { minItems: 1, maxItems: 20 }),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type TouchpointInput = Static<typeof TouchpointInput>;

export const TouchpointPatch = Type.Partial(TouchpointInput, { additionalProperties: false });
export type TouchpointPatch = Static<typeof TouchpointPatch>;

export const TouchpointView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  channel: Type.String(),
  stage: Type.Union([Type.String(), Type.Null()]),
  ownerTeam: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  rules: Type.Array(TouchpointRuleSchema),
  position: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
