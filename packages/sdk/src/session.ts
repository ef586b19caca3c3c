import { documentCookies } from './browser/cookies.js';
import type { ExtraLoader } from './browser/extras.js';
import { IdentityStore } from './browser/identity-store.js';
import { collectContext, currentPage } from './browser/page-context.js';
import { onPageHide } from './browser/page-lifecycle.js';
import { PersistedQueue } from './browser/persisted-queue.js';
import { randomUuid } from './browser/random-id.js';
import { fetchRemoteConfig } from './browser/remote-config.js';
import { localStore, sessionStore } from './browser/safe-storage.js';
import { createTransport } from './browser/transport.js';
import {
  type ConsentEvent,
  type ConsentState,
  dropsEvents,
  initialConsentState,
  maySendAndPersist,
  nextConsentState,
} from './core/consent.js';
import { Delivery } from './core/delivery.js';
import { buildMessage, type Call } from './core/message-builder.js';
import type { ResolvedOptions } from './core/options.js';
import { defaultRetryPolicy } from './core/retry-policy.js';
import { SurveyTriggers } from './survey/triggers.js';
import type { WebVitalsMeter } from './web-vitals/types.js';

const remoteConfigTimeoutMs = 5000;
const maxQueueLength = 1000;

const log = (level: 'warn' | 'error', message: string): void => {
  console[level](message);
};

/** One initialised tracker: wires identity, consent, the queue and the transport together. */
export class TrackerSession {
  private consent: ConsentState;
  private readonly identity: IdentityStore;
  private readonly storedQueue: PersistedQueue;
  private readonly delivery: Delivery;
  private webVitals: WebVitalsMeter | undefined;
  private webVitalsRequested = false;
  private webVitalsSent = false;
  private readonly surveys: SurveyTriggers | undefined;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly loadExtra: ExtraLoader,
  ) {
    this.consent = initialConsentState(options.consent);
    const allowed = () => maySendAndPersist(this.consent);
    this.identity = new IdentityStore({
      cookies: documentCookies,
      storage: localStore,
      hostname: location.hostname,
      secure: location.protocol === 'https:',
      newId: randomUuid,
      mayPersist: allowed,
    });
    this.storedQueue = new PersistedQueue({
      local: localStore,
      session: sessionStore,
      writeKey: options.writeKey,
      now: Date.now,
      newId: randomUuid,
    });
    const transport = createTransport(options.host, options.writeKey);
    this.delivery = new Delivery(
      { ...options, maxQueueLength, retryPolicy: defaultRetryPolicy },
      {
        send: (envelope) => transport.send(envelope),
        sendOnPageHide: (envelope) => transport.sendOnPageHide(envelope),
        save: (entries) => {
          if (allowed()) this.storedQueue.save(entries);
        },
        maySend: allowed,
        now: () => new Date(),
        random: Math.random,
        setTimer: (callback, ms) => setTimeout(callback, ms),
        clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
        log,
      },
    );
    if (allowed()) this.delivery.adopt(this.storedQueue.takeOver());
    if (this.consent === 'resolving') {
      void fetchRemoteConfig(options.host, options.writeKey, remoteConfigTimeoutMs).then((config) =>
        this.applyConsent(config ? { type: 'config-loaded', ...config } : { type: 'config-failed' }),
      );
    }
    onPageHide(() => this.onPageHide());
    if (options.surveys) {
      this.surveys = new SurveyTriggers({
        host: options.host,
        writeKey: options.writeKey,
        identity: () => this.identity.current(),
        loadWidget: () => this.loadExtra('survey'),
        warn: (message) => log('warn', message),
      });
      this.surveys.setConsent(allowed());
    }
    if (allowed()) this.startWebVitals();
  }

  /**
   * Loads the extra once sending is allowed: before that, even fetching a script would contact a server. The
   * observers read buffered entries, so LCP, CLS and TTFB from before consent are still measured.
   */
  private startWebVitals(): void {
    if (!this.options.webVitals || this.webVitalsRequested) return;
    this.webVitalsRequested = true;
    this.loadExtra('web-vitals').then(
      (extra) => {
        this.webVitals = extra.startWebVitals();
      },
      (error: unknown) => log('warn', `cairn: Web Vitals unavailable: ${String(error)}`),
    );
  }

  anonymousId(): string {
    return this.identity.current().anonymousId;
  }

  record(call: Call): void {
    if (dropsEvents(this.consent)) return;
    const message = buildMessage(call, this.identity.current(), {
      messageId: randomUuid(),
      now: new Date(),
      context: collectContext(),
    });
    this.delivery.enqueue(message);
    if (call.type === 'track') this.surveys?.onTrack(call.event, call.properties);
    else if (call.type === 'page') this.surveys?.onPage();
  }

  identify(userId: string | undefined, traits: Record<string, unknown>): void {
    const allTraits = this.identity.identify(userId, traits);
    this.record({ type: 'identify', traits: allTraits });
  }

  alias(userId: string, previousId: string | undefined): void {
    const current = this.identity.current();
    // analytics.js default: the id being replaced is the current user id, else the anonymous id.
    this.record({ type: 'alias', userId, previousId: previousId ?? current.userId ?? current.anonymousId });
  }

  reset(): void {
    this.identity.reset();
  }

  flush(): Promise<void> {
    return this.delivery.flush();
  }

  applyConsent(event: ConsentEvent): void {
    const wasAllowed = maySendAndPersist(this.consent);
    this.consent = nextConsentState(this.consent, event);
    if (dropsEvents(this.consent)) {
      this.delivery.clear();
      this.storedQueue.clearAll();
      this.identity.forget();
      this.surveys?.setConsent(false);
      return;
    }
    if (!wasAllowed && maySendAndPersist(this.consent)) {
      this.identity.persist();
      // Adopting also persists what waited in memory and starts sending.
      this.delivery.adopt(this.storedQueue.takeOver());
      this.startWebVitals();
      this.surveys?.setConsent(true);
    }
  }

  /** Web Vitals are final only when the page is hidden, so they are queued here, right before the beacon. */
  private onPageHide(): void {
    if (this.webVitals && !this.webVitalsSent && !dropsEvents(this.consent)) {
      this.webVitalsSent = true;
      const page = currentPage();
      this.record({
        type: 'track',
        event: 'Web Vitals',
        properties: { ...this.webVitals.snapshot(), path: page.path, url: page.url },
      });
    }
    this.delivery.flushOnPageHide();
  }
}
