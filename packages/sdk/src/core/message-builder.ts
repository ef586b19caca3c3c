import type { MessageContext, PageContext, Properties, SegmentMessage, Traits } from '../wire.js';

/** One public call, already validated, before identity and context are attached. */
export type Call =
  | { type: 'track'; event: string; properties: Properties }
  | { type: 'page'; name?: string; properties: Properties }
  | { type: 'identify'; traits: Traits }
  | { type: 'group'; groupId: string; traits: Traits }
  | { type: 'alias'; userId: string; previousId: string };

export interface Identity {
  anonymousId: string;
  userId?: string;
}

/** Everything impure (clock, random id, browser state) is passed in, so building stays a pure function. */
export interface BuildEnvironment {
  messageId: string;
  now: Date;
  context: MessageContext;
}

/** Default page properties per the Segment `page` spec: url, path, title, referrer, search (+ name if given). */
export function pageProperties(page: PageContext, name: string | undefined, extra: Properties): Properties {
  return { ...page, ...(name === undefined ? {} : { name }), ...extra };
}

export function buildMessage(call: Call, identity: Identity, env: BuildEnvironment): SegmentMessage {
  const common = {
    messageId: env.messageId,
    anonymousId: identity.anonymousId,
    ...(identity.userId === undefined ? {} : { userId: identity.userId }),
    originalTimestamp: env.now.toISOString(),
    context: env.context,
  };
  switch (call.type) {
    case 'track':
      return { ...common, type: 'track', event: call.event, properties: call.properties };
    case 'page':
      return {
        ...common,
        type: 'page',
        ...(call.name === undefined ? {} : { name: call.name }),
        properties: pageProperties(env.context.page, call.name, call.properties),
      };
    case 'identify':
      return { ...common, type: 'identify', traits: call.traits };
    case 'group':
      return { ...common, type: 'group', groupId: call.groupId, traits: call.traits };
    case 'alias':
      // Segment alias: `userId` is the new id, `previousId` the one it replaces.
      return { ...common, type: 'alias', userId: call.userId, previousId: call.previousId };
  }
}
