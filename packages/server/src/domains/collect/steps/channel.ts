import { type Channel, isChannel } from '@cairn/protocol';

/** Semantic event names (Segment spec: email, live chat) that tell the channel on their own. */
const channelByEventPrefix: [RegExp, Channel][] = [
  [/^email /i, 'email'],
  [/^(sms|text message) /i, 'sms'],
  [/^live chat /i, 'chat'],
  [/^(call|phone call) /i, 'phone'],
  [/^store /i, 'store'],
];

const mobileLibraries = /analytics-(ios|android|react-native|flutter|swift|kotlin)|cairn-(ios|android)/i;

/**
 * Every event gets one channel so a customer's journey across channels is one timeline.
 * Order: an explicit Cairn channel (context.channel or properties.channel), the event's semantics, the
 * library and context (app/screen → app, page/browser → web, Segment's own `channel` field), else "other".
 */
export function deriveChannel(input: {
  type: string;
  event: string | null;
  context: Record<string, unknown>;
  properties: Record<string, unknown>;
  segmentChannel: string | undefined;
}): Channel {
  const { context, properties } = input;
  if (isChannel(context.channel)) return context.channel;
  if (isChannel(properties.channel)) return properties.channel;
  if (input.event) {
    for (const [pattern, channel] of channelByEventPrefix) if (pattern.test(input.event)) return channel;
  }
  const library = (context.library as { name?: unknown } | undefined)?.name;
  if (
    input.type === 'screen' ||
    context.app ||
    (typeof library === 'string' && mobileLibraries.test(library))
  ) {
    return 'app';
  }
  if (input.type === 'page' || context.page || input.segmentChannel === 'browser') return 'web';
  if (input.segmentChannel === 'mobile') return 'app';
  return 'other';
}
