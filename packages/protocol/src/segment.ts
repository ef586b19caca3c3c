import Type, { type Static } from 'typebox';

/**
 * Segment Tracking API messages (https://segment.com/docs/connections/spec/common/).
 * Unknown top-level fields are allowed because real SDKs send extras (`_metadata`, `integrations`, …).
 */
export const messageTypes = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;
export type MessageType = (typeof messageTypes)[number];

/** Limits from the Segment HTTP API documentation. */
export const limits = { messageBytes: 32 * 1024, batchBytes: 500 * 1024 } as const;

const Id = Type.String({ minLength: 1, maxLength: 256 });
const Timestamp = Type.String({ format: 'date-time', maxLength: 64 });
const Bag = Type.Record(Type.String(), Type.Unknown());

const common = {
  messageId: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  anonymousId: Type.Optional(Type.Union([Id, Type.Null()])),
  userId: Type.Optional(Type.Union([Id, Type.Null()])),
  timestamp: Type.Optional(Timestamp),
  originalTimestamp: Type.Optional(Timestamp),
  sentAt: Type.Optional(Timestamp),
  context: Type.Optional(Bag),
  integrations: Type.Optional(Bag),
  /** Segment's own field ("browser", "server", "mobile"); Cairn's channel goes in context.channel. */
  channel: Type.Optional(Type.String({ maxLength: 64 })),
};

export const TrackMessage = Type.Object({
  ...common,
  type: Type.Literal('track'),
  event: Type.String({ minLength: 1, maxLength: 256 }),
  properties: Type.Optional(Bag),
});
export const IdentifyMessage = Type.Object({
  ...common,
  type: Type.Literal('identify'),
  traits: Type.Optional(Bag),
});
export const PageMessage = Type.Object({
  ...common,
  type: Type.Literal('page'),
  name: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])),
  category: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])),
  properties: Type.Optional(Bag),
});
export const ScreenMessage = Type.Object({
  ...common,
  type: Type.Literal('screen'),
  name: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])),
  category: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])),
  properties: Type.Optional(Bag),
});
export const GroupMessage = Type.Object({
  ...common,
  type: Type.Literal('group'),
  groupId: Id,
  traits: Type.Optional(Bag),
});
export const AliasMessage = Type.Object({
  ...common,
  type: Type.Literal('alias'),
  previousId: Id,
  userId: Id,
});

export const messageSchemas = {
  track: TrackMessage,
  identify: IdentifyMessage,
  page: PageMessage,
  screen: ScreenMessage,
  group: GroupMessage,
  alias: AliasMessage,
} as const;

export type TrackMessage = Static<typeof TrackMessage>;
export type IdentifyMessage = Static<typeof IdentifyMessage>;
export type PageMessage = Static<typeof PageMessage>;
export type ScreenMessage = Static<typeof ScreenMessage>;
export type GroupMessage = Static<typeof GroupMessage>;
export type AliasMessage = Static<typeof AliasMessage>;
export type SegmentMessage =
  | TrackMessage
  | IdentifyMessage
  | PageMessage
  | ScreenMessage
  | GroupMessage
  | AliasMessage;

/** Body of POST /v1/batch: the envelope; each message in it is checked on its own (messageSchemas). */
export const BatchBody = Type.Object(
  {
    batch: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 5000 }),
    sentAt: Type.Optional(Type.String({ format: 'date-time' })),
    writeKey: Type.Optional(Type.String({ maxLength: 200 })),
    context: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: true },
);
export type BatchBody = Static<typeof BatchBody>;

/** Body of POST /v1/{track,identify,page,screen,group,alias}: one message, checked by its type's schema. */
export const SingleMessageBody = Type.Record(Type.String(), Type.Unknown());
