import type { Identity } from '../core/message-builder.js';
import type { Traits } from '../wire.js';
import { type CookieJar, deleteCookie, findRegistrableDomain, readCookie, writeCookie } from './cookies.js';
import { type KeyValueStorage, readJson } from './safe-storage.js';

const anonymousIdKey = 'cairn_aid';
const userIdKey = 'cairn_uid';
const traitsKey = 'cairn_traits';
const oneYearSeconds = 365 * 24 * 60 * 60;

export interface IdentityStoreDeps {
  cookies: CookieJar;
  storage: KeyValueStorage;
  hostname: string;
  secure: boolean;
  newId(): string;
  /** False while consent forbids storage: ids then live in memory only. */
  mayPersist(): boolean;
}

const isTraits = (value: unknown): value is Traits =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Anonymous id, user id and traits. The anonymous id lives in a first-party cookie AND localStorage so that either
 * one surviving (cookie cleared, or storage wiped) restores it; the other is rewritten from it.
 */
export class IdentityStore {
  private anonymousId: string;
  private userId: string | undefined;
  private traits: Traits;
  private cookieDomain: string | undefined | null = null;

  constructor(private readonly deps: IdentityStoreDeps) {
    this.anonymousId =
      readCookie(deps.cookies, anonymousIdKey) || deps.storage.get(anonymousIdKey) || deps.newId();
    this.userId = deps.storage.get(userIdKey) ?? undefined;
    this.traits = readJson(deps.storage, traitsKey, isTraits) ?? {};
    this.persist();
  }

  current(): Identity {
    return { anonymousId: this.anonymousId, ...(this.userId === undefined ? {} : { userId: this.userId }) };
  }

  /**
   * Returns the traits to send. Like analytics.js, traits accumulate for one user and start over when a
   * different user id is identified, so one person's traits never travel with another's id.
   */
  identify(userId: string | undefined, traits: Traits): Traits {
    const switchedUser = userId !== undefined && this.userId !== undefined && userId !== this.userId;
    this.traits = switchedUser ? { ...traits } : { ...this.traits, ...traits };
    if (userId !== undefined) this.userId = userId;
    this.persist();
    return this.traits;
  }

  reset(): void {
    this.anonymousId = this.deps.newId();
    this.userId = undefined;
    this.traits = {};
    this.persist();
  }

  /** Writes the current ids if consent allows; called after every change and when consent is granted. */
  persist(): void {
    if (!this.deps.mayPersist()) return;
    const { cookies, storage } = this.deps;
    writeCookie(cookies, anonymousIdKey, this.anonymousId, {
      domain: this.domain(),
      maxAgeSeconds: oneYearSeconds,
      secure: this.deps.secure,
    });
    storage.set(anonymousIdKey, this.anonymousId);
    if (this.userId === undefined) storage.remove(userIdKey);
    else storage.set(userIdKey, this.userId);
    if (Object.keys(this.traits).length === 0) storage.remove(traitsKey);
    else storage.set(traitsKey, JSON.stringify(this.traits));
  }

  /** Consent revoked: remove everything this SDK stored on the device. */
  forget(): void {
    deleteCookie(this.deps.cookies, anonymousIdKey, this.domain());
    deleteCookie(this.deps.cookies, anonymousIdKey, undefined);
    for (const key of [anonymousIdKey, userIdKey, traitsKey]) this.deps.storage.remove(key);
  }

  private domain(): string | undefined {
    if (this.cookieDomain === null)
      this.cookieDomain = findRegistrableDomain(this.deps.hostname, this.deps.cookies);
    return this.cookieDomain;
  }
}
