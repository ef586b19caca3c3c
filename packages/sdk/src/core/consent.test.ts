import { describe, expect, it } from 'vitest';
import {
  type ConsentEvent,
  type ConsentState,
  dropsEvents,
  initialConsentState,
  maySendAndPersist,
  nextConsentState,
} from './consent.js';

const run = (state: ConsentState, ...events: ConsentEvent[]) => events.reduce(nextConsentState, state);

describe('consent state machine', () => {
  it('starts from the init option', () => {
    expect(initialConsentState('required')).toBe('pending');
    expect(initialConsentState('granted')).toBe('granted');
    expect(initialConsentState('auto')).toBe('resolving');
  });

  it('in auto mode follows the workspace config', () => {
    expect(run('resolving', { type: 'config-loaded', requireConsent: true })).toBe('pending');
    expect(run('resolving', { type: 'config-loaded', requireConsent: false })).toBe('not-required');
  });

  it('treats an unreachable config endpoint as "consent not required"', () => {
    expect(run('resolving', { type: 'config-failed' })).toBe('not-required');
  });

  it('lets the page decide over the workspace config, whatever arrives first', () => {
    expect(run('resolving', { type: 'grant' }, { type: 'config-loaded', requireConsent: true })).toBe(
      'granted',
    );
    expect(run('resolving', { type: 'revoke' }, { type: 'config-loaded', requireConsent: false })).toBe(
      'revoked',
    );
    expect(run('pending', { type: 'config-failed' })).toBe('pending');
  });

  it('can be granted after a revoke and revoked after a grant', () => {
    expect(run('pending', { type: 'grant' }, { type: 'revoke' })).toBe('revoked');
    expect(run('pending', { type: 'revoke' }, { type: 'grant' })).toBe('granted');
  });

  it('sends and stores only when granted or not required; holds while undecided; drops after revoke', () => {
    const table = (['resolving', 'pending', 'not-required', 'granted', 'revoked'] as const).map((state) => [
      state,
      maySendAndPersist(state),
      dropsEvents(state),
    ]);
    expect(table).toEqual([
      ['resolving', false, false],
      ['pending', false, false],
      ['not-required', true, false],
      ['granted', true, false],
      ['revoked', false, true],
    ]);
  });
});
