import type { Identity } from '../core/message-builder.js';
import { fetchEligibleSurvey } from './eligibility.js';
import type { SurveyExtra } from './extra.js';
import { armTrigger, type Disarm } from './trigger-arm.js';
import type { EligibleSurvey } from './types.js';
import { matchesUrlPattern } from './url-pattern.js';

export interface SurveyTriggerDeps {
  host: string;
  writeKey: string;
  identity(): Identity;
  loadWidget(): Promise<SurveyExtra>;
  warn(message: string): void;
}

/** Triggers seen before consent allows contacting the server; bounded so a chatty page cannot grow it. */
const maxWaitingAsks = 20;

interface Ask {
  key: string;
  event?: string;
  properties?: string;
}

/** Bound of the query parameter the server accepts for event properties. */
const maxPropertiesLength = 2000;

/**
 * The event's scalar properties as JSON, for touchpoint rules with property conditions (the server compares values
 * as text); nested values are left out, and all of them if the result would be too long for a URL.
 */
function scalarProperties(properties: Record<string, unknown> | undefined): string | undefined {
  const scalars = Object.entries(properties ?? {}).filter(([, v]) =>
    ['string', 'number', 'boolean'].includes(typeof v),
  );
  if (scalars.length === 0) return undefined;
  const json = JSON.stringify(Object.fromEntries(scalars));
  return json.length <= maxPropertiesLength ? json : undefined;
}

const pageLocale = (): string => document.documentElement.lang || navigator.language;

/**
 * Decides when to ask "is there a survey for me now?": after a `track` (with the event) and after a `page`
 * (for page-view, exit-intent and scroll triggers). Each trigger is asked at most once per page load, never
 * before consent allows contacting the server, and at most one survey is shown per page load. The widget's
 * code is fetched only when a survey is actually about to be shown.
 */
export class SurveyTriggers {
  private readonly asked = new Set<string>();
  private waiting: Ask[] = [];
  private mayContact = false;
  private state: 'idle' | 'armed' | 'shown' = 'idle';
  private disarm: Disarm | undefined;

  constructor(private readonly deps: SurveyTriggerDeps) {}

  onTrack(event: string, properties?: Record<string, unknown>): void {
    const json = scalarProperties(properties);
    this.ask({ key: `event:${event}`, event, ...(json === undefined ? {} : { properties: json }) });
  }

  onPage(): void {
    this.ask({ key: `page:${location.href.split('#')[0]}` });
  }

  /** Grant replays the triggers that waited; revoke forgets them and cancels an armed trigger. */
  setConsent(allowed: boolean): void {
    this.mayContact = allowed;
    const waiting = this.waiting;
    this.waiting = [];
    if (allowed) {
      for (const ask of waiting) this.ask(ask);
    } else {
      this.disarm?.();
      if (this.state === 'armed') this.state = 'idle';
    }
  }

  private ask(ask: Ask): void {
    if (this.state !== 'idle' || this.asked.has(ask.key)) return;
    if (!this.mayContact) {
      if (this.waiting.length < maxWaitingAsks && !this.waiting.some((w) => w.key === ask.key))
        this.waiting.push(ask);
      return;
    }
    this.asked.add(ask.key);
    const identity = this.deps.identity();
    void fetchEligibleSurvey(this.deps.host, this.deps.writeKey, {
      ...identity,
      url: location.href.split('#')[0] ?? location.href,
      locale: pageLocale(),
      ...(ask.event === undefined ? {} : { event: ask.event }),
      ...(ask.properties === undefined ? {} : { properties: ask.properties }),
    }).then((survey) => {
      if (survey && this.state === 'idle' && this.mayContact && this.fits(survey, ask)) this.arm(survey);
    });
  }

  /** The server chose the survey; these checks only stop a stale or mismatched answer from showing. */
  private fits(survey: EligibleSurvey, ask: Ask): boolean {
    const { trigger } = survey;
    if (trigger.on === 'event' && trigger.event !== undefined && trigger.event !== ask.event) return false;
    if (trigger.events?.length && !(ask.event && trigger.events.includes(ask.event))) return false;
    return !trigger.urlPattern || matchesUrlPattern(trigger.urlPattern, new URL(location.href));
  }

  private arm(survey: EligibleSurvey): void {
    this.state = 'armed';
    this.disarm = armTrigger(survey.trigger, () => {
      if (this.state !== 'armed') return;
      this.state = 'shown';
      this.deps.loadWidget().then(
        (widget) =>
          widget.showSurvey({
            survey,
            host: this.deps.host,
            writeKey: this.deps.writeKey,
            identity: this.deps.identity,
            locale: survey.definition.locale ?? survey.definition.language ?? pageLocale(),
          }),
        (error: unknown) => this.deps.warn(`cairn: survey unavailable: ${String(error)}`),
      );
    });
  }
}
