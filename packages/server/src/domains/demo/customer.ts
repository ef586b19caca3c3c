import type { Channel } from '@cairn/protocol';
import { appDevices, firstNames, lastNames, stores, webAgents } from './catalogue.js';
import type { Random } from './prng.js';
import type { DemoSurveyKey } from './survey-definitions.js';
import { dayMs, type SegmentMessage, type SurveyAnswer, type World, type WorldRecord } from './world.js';

export interface Customer {
  index: number;
  userId: string;
  anonymousId: string;
  locale: 'de' | 'en';
  firstName: string;
  lastName: string;
  email: string;
  city: string;
  storeId: string;
  userAgent: string;
  app: (typeof appDevices)[number] | undefined;
  /** Never logs in: an anonymous visitor who browses a few times. */
  anonymousOnly: boolean;
  subscriber: boolean;
  newsletter: boolean;
  storeGoer: boolean;
  firstSeen: number;
}

export function makeCustomer(world: World, index: number, random: Random): Customer {
  const locale = random.chance(0.85) ? 'de' : 'en';
  const firstName = random.pick(firstNames[locale]);
  const lastName = random.pick(lastNames[locale]);
  const store = random.pick(stores);
  const ascii = (s: string) => s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
  return {
    index,
    userId: `cust-${index}`,
    anonymousId: `anon-${world.seed}-${index}`,
    locale,
    firstName,
    lastName,
    email: `${ascii(firstName)}.${ascii(lastName)}.${index}@example.com`,
    city: store.city,
    storeId: store.id,
    userAgent: random.pick(webAgents),
    app: random.chance(0.4) ? random.pick(appDevices) : undefined,
    anonymousOnly: random.chance(0.15),
    subscriber: random.chance(0.35),
    newsletter: random.chance(0.6),
    storeGoer: random.chance(0.3),
    // Most customers arrive in the first months, so each has history; a few join late.
    firstSeen: world.start + Math.floor(random.next() ** 1.6 * 330 * dayMs),
  };
}

/**
 * Collects one customer's records. Message ids are derived from seed, customer and sequence number, so loading
 * the same world twice stores every event once (the pipeline de-duplicates on messageId).
 */
export class RecordSink {
  readonly records: WorldRecord[] = [];
  private sequence = 0;
  identifiedAt: number | undefined;

  get identified(): boolean {
    return this.identifiedAt !== undefined;
  }

  constructor(
    private readonly world: World,
    readonly customer: Customer,
  ) {}

  private id(): string {
    return `nl-${this.world.seed}-${this.customer.index}-${this.sequence++}`;
  }

  private base(
    at: number,
    channel: Channel,
    extra: Record<string, unknown> = {},
  ): Omit<SegmentMessage, 'type'> {
    const c = this.customer;
    return {
      messageId: this.id(),
      timestamp: new Date(at).toISOString(),
      ...(this.identified ? { userId: c.userId } : {}),
      ...(channel === 'web' || channel === 'app' || !this.identified ? { anonymousId: c.anonymousId } : {}),
      context: { channel, locale: c.locale === 'de' ? 'de-DE' : 'en-GB', ...extra },
    };
  }

  track(
    at: number,
    channel: Channel,
    event: string,
    properties: Record<string, unknown>,
    context?: Record<string, unknown>,
  ): void {
    this.records.push({ type: 'track', event, properties, ...this.base(at, channel, context) });
  }

  /** A web page view; `query` (e.g. utm parameters) goes into the URL, where the pipeline reads campaigns from. */
  page(at: number, path: string, title: string, properties: Record<string, unknown> = {}, query = ''): void {
    const url = `https://www.nordlicht-sport.example${path}${query}`;
    this.records.push({
      type: 'page',
      name: title,
      properties: { path, url, title, ...properties },
      ...this.base(at, 'web', { userAgent: this.customer.userAgent, page: { path, url, title } }),
    });
  }

  screen(at: number, name: string, properties: Record<string, unknown> = {}): void {
    const app = this.customer.app;
    this.records.push({
      type: 'screen',
      name,
      properties,
      ...this.base(at, 'app', {
        app: { name: 'Nordlicht Sport', version: '4.2.0' },
        device: { type: app?.type, model: app?.model },
        os: app?.os,
      }),
    });
  }

  identify(at: number): void {
    this.identifiedAt = at;
    const c = this.customer;
    this.records.push({
      type: 'identify',
      traits: {
        firstName: c.firstName,
        lastName: c.lastName,
        email: c.email,
        locale: c.locale,
        city: c.city,
        plan: c.subscriber ? 'plus' : 'standard',
        newsletter: c.newsletter,
      },
      ...this.base(at, 'web', { userAgent: c.userAgent }),
      userId: c.userId,
    });
  }

  survey(
    at: number,
    survey: DemoSurveyKey,
    channel: Channel,
    answers: SurveyAnswer[],
    hiddenFields: Record<string, string | number | boolean>,
  ): void {
    this.records.push({
      type: 'survey_response',
      messageId: `${this.id()}-s`,
      survey,
      userId: this.customer.userId,
      timestamp: new Date(at).toISOString(),
      channel,
      locale: this.customer.locale,
      answers,
      hiddenFields,
    });
  }
}
