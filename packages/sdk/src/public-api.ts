import type { Properties, Traits } from './wire.js';

/**
 * - `required`: hold events in memory until `consent.grant()`;
 * - `granted`: the site has consent (or needs none) and sends at once;
 * - `auto` (default): ask the workspace (`GET /v1/config`) whether consent is required.
 */
export type ConsentMode = 'required' | 'granted' | 'auto';

export interface InitOptions {
  writeKey: string;
  /** Origin of the Cairn server, e.g. `https://cairn.example.com`. */
  host: string;
  consent?: ConsentMode;
  /** Send when this many messages are queued (default 20). */
  flushAt?: number;
  /** Send queued messages at least this often (default 5000 ms). */
  flushIntervalMs?: number;
  /** Measure LCP, INP, CLS and TTFB and send them once per page as a `Web Vitals` track event (default true). */
  webVitals?: boolean;
  /**
   * Ask the server for in-page surveys after `track` and `page` calls, and show them (default true). The widget
   * (`cairn-survey.min.js`) loads only when a survey is about to be shown.
   */
  surveys?: boolean;
}

/** The object behind `window.cairn`. Every method is safe to call before `init` and never throws into the page. */
export interface CairnApi {
  init(options: InitOptions): void;
  track(event: string, properties?: Properties): void;
  page(name?: string, properties?: Properties): void;
  /** `identify(traits)` is accepted too, as in Segment's analytics.js. */
  identify(userId?: string | Traits | null, traits?: Traits): void;
  group(groupId: string, traits?: Traits): void;
  alias(userId: string, previousId?: string): void;
  /** New anonymous id; forgets the user id and traits (e.g. on logout). */
  reset(): void;
  /** Sends everything queued now; resolves when the attempt is over (successful or not). */
  flush(): Promise<void>;
  consent: { grant(): void; revoke(): void };
  /** The current anonymous id, or undefined before `init`. */
  anonymousId(): string | undefined;
}

/** Methods the snippet's stub records before the SDK has loaded; the SDK replays them in order. */
export const stubMethodNames = [
  'init',
  'track',
  'page',
  'identify',
  'group',
  'alias',
  'reset',
  'flush',
] as const;
export const stubConsentMethodNames = ['grant', 'revoke'] as const;

/** A recorded call: `['track', 'Signed Up', {...}]` or `['consent.grant']`. */
export type StubCall = [name: string, ...args: unknown[]];
