/**
 * Wire format of the Segment HTTP Tracking API (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/),
 * as far as the browser SDK produces it. These types belong in @cairn/protocol once the server shares them.
 */

export type Properties = Record<string, unknown>;
export type Traits = Record<string, unknown>;

/** Segment common field `context.page`. */
export interface PageContext {
  url: string;
  path: string;
  referrer: string;
  title: string;
  search: string;
}

/** Segment common field `context.campaign`: `utm_campaign` becomes `name`, other `utm_x` become `x`. */
export type Campaign = Record<string, string>;

export interface MessageContext {
  library: { name: string; version: string };
  channel: 'web';
  page: PageContext;
  userAgent: string;
  locale: string;
  timezone?: string;
  screen?: { width: number; height: number; density: number };
  campaign?: Campaign;
}

interface CommonFields {
  messageId: string;
  anonymousId: string;
  userId?: string;
  /** Client clock; the server corrects skew with `sentAt` (Segment "Timestamps" spec). */
  originalTimestamp: string;
  context: MessageContext;
}

export interface TrackMessage extends CommonFields {
  type: 'track';
  event: string;
  properties: Properties;
}

export interface PageMessage extends CommonFields {
  type: 'page';
  name?: string;
  properties: Properties;
}

export interface IdentifyMessage extends CommonFields {
  type: 'identify';
  traits: Traits;
}

export interface GroupMessage extends CommonFields {
  type: 'group';
  groupId: string;
  traits: Traits;
}

export interface AliasMessage extends CommonFields {
  type: 'alias';
  previousId: string;
}

export type SegmentMessage = TrackMessage | PageMessage | IdentifyMessage | GroupMessage | AliasMessage;

/** Body of `POST /v1/batch`. `writeKey` is in the body because `sendBeacon` cannot set an Authorization header. */
export interface BatchEnvelope {
  batch: SegmentMessage[];
  sentAt: string;
  writeKey: string;
}

/**
 * Segment limits: 32 KB per message, 500 KB per batch. Counted in decimal kilobytes of UTF-8 JSON so the SDK stays
 * under the limit whether a server reads "KB" as 1000 or 1024 bytes.
 */
export const maxMessageBytes = 32_000;
export const maxBatchBytes = 500_000;

/**
 * Fetch spec "keepalive" requests (which `sendBeacon` uses) share a 64 KiB in-flight body quota per document;
 * https://fetch.spec.whatwg.org/#http-network-or-cache-fetch (step "inflightKeepaliveBytes"). Stay below it.
 */
export const maxBeaconBytes = 60_000;
