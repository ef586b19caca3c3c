import type { ConsentMode } from '../public-api.js';

/**
 * Consent gate as a pure state machine.
 * - `resolving`: mode `auto`, waiting for the workspace's `GET /v1/config` answer;
 * - `pending`: consent is required and not (yet) given;
 * - `not-required`: the workspace does not require consent (or its config could not be fetched);
 * - `granted` / `revoked`: the page told us, which always wins over the workspace setting.
 */
export type ConsentState = 'resolving' | 'pending' | 'not-required' | 'granted' | 'revoked';

export type ConsentEvent =
  | { type: 'config-loaded'; requireConsent: boolean }
  | { type: 'config-failed' }
  | { type: 'grant' }
  | { type: 'revoke' };

export function initialConsentState(mode: ConsentMode): ConsentState {
  if (mode === 'required') return 'pending';
  if (mode === 'granted') return 'granted';
  return 'resolving';
}

export function nextConsentState(state: ConsentState, event: ConsentEvent): ConsentState {
  switch (event.type) {
    case 'grant':
      return 'granted';
    case 'revoke':
      return 'revoked';
    case 'config-loaded':
      if (state !== 'resolving') return state;
      return event.requireConsent ? 'pending' : 'not-required';
    case 'config-failed':
      // The config endpoint may not exist on older servers; only an explicit `requireConsent: true` blocks sending.
      return state === 'resolving' ? 'not-required' : state;
  }
}

/** Sending and writing cookies/localStorage are allowed together: ePrivacy art. 5(3) covers both. */
export function maySendAndPersist(state: ConsentState): boolean {
  return state === 'granted' || state === 'not-required';
}

/** While undecided, events wait in memory only; after a revoke they are dropped. */
export function dropsEvents(state: ConsentState): boolean {
  return state === 'revoked';
}
