import type { SegmentMessage } from '@cairn/protocol';
import { isoInstant } from '../../../instants.js';
import { extraIdentities } from '../identity/message-identities.js';
import { encodeRows } from '../prepare/event-rows.js';
import type { PreparedMessage } from '../prepared-message.js';
import { deriveChannel } from './channel.js';
import { type IpMode, pseudonymiseIp } from './pseudonymise-ip.js';
import { correctedTimestamp } from './timestamps.js';
import { parseUserAgent } from './user-agent.js';

export interface RequestFacts {
  workspaceId: string;
  receivedAt: Date;
  /** The connecting client's address, used when the message carries no context.ip. */
  requestIp: string | null;
  requestUserAgent: string | null;
  batchSentAt: string | undefined;
  /** Context sent once for the whole batch (Segment allows it); message context wins. */
  batchContext: Record<string, unknown> | undefined;
  ipMode: IpMode;
  /** Unique per request: names its messages that come without a messageId (`<requestKey>:<index>`). */
  requestKey: string;
}

type Bag = Record<string, unknown>;
const bag = (value: unknown): Bag =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Bag) : {};
const text = (value: unknown, max = 2048): string | null =>
  typeof value === 'string' && value !== '' ? value.slice(0, max) : null;

/** The path of a page URL, or null when it is not a URL (parsing is one of the costlier steps per event). */
function pathOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/** The query parameters of a URL when it carries UTM parameters, else null (most page URLs have none). */
function utmParams(url: string | null): URLSearchParams | null {
  const query = url?.indexOf('?') ?? -1;
  if (!url || query < 0 || !url.includes('utm_', query)) return null;
  const fragment = url.indexOf('#', query);
  return new URLSearchParams(url.slice(query + 1, fragment < 0 ? undefined : fragment));
}

/**
 * Normalise and enrich: one shape for every message type, with channel, pseudonymised IP, device and UTM.
 * A pure function of the message, its position `index` in the request and the request's facts, so replaying a
 * journaled request prepares exactly the same messages.
 */
export function prepareMessage(
  message: SegmentMessage,
  index: number,
  facts: RequestFacts,
): { message: PreparedMessage; columns: string } {
  const given = facts.batchContext
    ? { ...bag(facts.batchContext), ...bag(message.context) }
    : bag(message.context);
  const properties = 'properties' in message ? bag(message.properties) : {};
  const traits = 'traits' in message && message.traits ? bag(message.traits) : bag(given.traits);
  const page = bag(given.page);
  const campaign = bag(given.campaign);
  const event =
    message.type === 'track'
      ? message.event
      : message.type === 'page' || message.type === 'screen'
        ? text(message.name)
        : null;
  const url = text(page.url) ?? text(properties.url);
  const givenPath = text(page.path) ?? text(properties.path);
  const query = utmParams(url);
  const utm = (name: string) => text(query?.get(name));
  const ip = pseudonymiseIp(text(given.ip, 64) ?? facts.requestIp, facts.ipMode);
  // The kept context never holds the address as sent.
  const context = 'ip' in given ? { ...given, ip } : given;
  const userAgent = parseUserAgent(text(context.userAgent, 1024) ?? facts.requestUserAgent);
  const messageId = message.messageId ?? `${facts.requestKey}:${index}`;
  const anonymousId = text(message.anonymousId, 256);
  const userId = text(message.userId, 256);
  const groupId = message.type === 'group' ? message.groupId : text(context.groupId, 256);
  const channel = deriveChannel({
    type: message.type,
    event,
    context,
    properties,
    segmentChannel: message.channel,
  });
  const receivedAt = facts.receivedAt.toISOString();
  const timestamp = correctedTimestamp(message, facts.batchSentAt, facts.receivedAt);
  // The events table's columns (migration 0002) but the three the writer decides; JSON columns take the objects.
  const columns = JSON.stringify({
    message_id: messageId,
    type: message.type,
    event,
    anonymous_id: anonymousId,
    user_id: userId,
    group_id: groupId,
    channel,
    occurred_at: timestamp,
    original_timestamp: isoInstant(message.originalTimestamp),
    sent_at: isoInstant(message.sentAt ?? facts.batchSentAt),
    received_at: receivedAt,
    properties,
    traits,
    context,
    ip,
    browser: userAgent.browser,
    os: userAgent.os,
    device: userAgent.device,
    page_url: url,
    page_path: givenPath ?? pathOf(url),
    page_title: text(page.title) ?? text(properties.title),
    referrer: text(page.referrer) ?? text(properties.referrer),
    utm_source: text(campaign.source, 256) ?? utm('utm_source'),
    utm_medium: text(campaign.medium, 256) ?? utm('utm_medium'),
    utm_campaign: text(campaign.name, 256) ?? utm('utm_campaign'),
  });
  const prepared: PreparedMessage = {
    workspaceId: facts.workspaceId,
    messageId,
    type: message.type,
    event,
    anonymousId,
    userId,
    previousId: message.type === 'alias' ? message.previousId : null,
    groupId,
    channel,
    timestamp,
    receivedAt,
    traits,
    identities: extraIdentities({ type: message.type, traits, context }),
    pageUrl: url,
    profileId: '',
    ingestSeq: 0,
    row: noRow,
  };
  return { message: prepared, columns };
}

/** The row a message gets once its columns are encoded together with its request's (prepare/event-rows.ts). */
const noRow = new Uint8Array(0);

/** Prepares messages and encodes their store rows in one buffer. */
export function prepareAll(
  items: readonly { message: SegmentMessage; index: number }[],
  facts: RequestFacts,
): PreparedMessage[] {
  const prepared = items.map(({ message, index }) => prepareMessage(message, index, facts));
  const rows = encodeRows(prepared.map((p) => p.columns));
  return prepared.map((p, i) => {
    p.message.row = rows[i] as Uint8Array;
    return p.message;
  });
}
