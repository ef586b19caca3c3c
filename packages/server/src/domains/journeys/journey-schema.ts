import Type, { type Static } from 'typebox';

const Stage = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,49}$', description: 'Unique within the journey.' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    touchpointIds: Type.Array(Type.String({ format: 'uuid' }), {
      maxItems: 50,
      description: 'Touchpoints of this workspace; an event reaches the stage when it maps to one of them.',
    }),
    events: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      maxItems: 50,
      description: 'Event names that reach the stage whatever their touchpoint.',
    }),
  },
  { additionalProperties: false, description: 'Give at least one touchpoint or event.' },
);

export const JourneyInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    stages: Type.Array(Stage, { minItems: 1, maxItems: 12, description: 'In journey order.' }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: 'Online purchase',
        description: 'From first visit to repeat order.',
        stages: [
          { key: 'discover', name: 'Discover', touchpointIds: [], events: ['Product Viewed'] },
          { key: 'purchase', name: 'Purchase', touchpointIds: [], events: ['Order Completed'] },
        ],
      },
    ],
  },
);
export type JourneyInput = Static<typeof JourneyInput>;

export const JourneyView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  stages: Type.Array(Stage),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
