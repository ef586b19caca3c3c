import { describe, expect, it } from 'vitest';
import type { IngestCommit } from '../../../store/collect-port.js';
import { IngestApplier } from './ingest-applier.js';

const commit = (): IngestCommit => ({
  events: [],
  plan: { newProfiles: [], newIdentities: [], merges: [] },
  traits: [],
  groups: [],
});

/** An applier on a hand-moved clock whose store fails `failures` times before it accepts. */
function applierFailing(failures: number) {
  let clock = 1_000;
  const errors: number[] = [];
  const stored: IngestCommit[] = [];
  let left = failures;
  const applier = new IngestApplier({
    maxEventsPerApply: 100,
    persist: async (c) => {
      if (left-- > 0) throw new Error('store refused');
      stored.push(c);
    },
    applied: () => undefined,
    release: () => undefined,
    retryDelayMs: 1,
    maxRetryDelayMs: 1,
    onError: (_error, attempt) => errors.push(attempt),
    now: () => clock,
  });
  return { applier, errors, stored, advance: (ms: number) => (clock += ms) };
}

describe('ingest applier', () => {
  it('reports how long the oldest acknowledged write has waited for the store, growing while storing fails', async () => {
    const { applier, errors, stored, advance } = applierFailing(3);
    expect(applier.oldestUnappliedMs).toBe(0);
    applier.push(commit(), 1);
    advance(250);
    applier.push(commit(), 1);
    expect(applier.oldestUnappliedMs).toBe(250);
    advance(4_000);
    // The first window is being retried: its age counts, not the age of the write after it.
    expect(applier.oldestUnappliedMs).toBe(4_250);
    await applier.drain();
    expect(errors).toEqual([1, 2, 3]);
    expect(stored.length).toBeGreaterThanOrEqual(1);
    expect(applier.oldestUnappliedMs).toBe(0);
    expect(applier.backlog).toBe(0);
  });

  it('forgets the lag of writes a restore discarded', async () => {
    const { applier, advance } = applierFailing(5);
    applier.push(commit(), 1);
    applier.push(commit(), 1);
    advance(5_000);
    expect(applier.oldestUnappliedMs).toBe(5_000);
    applier.discard();
    expect(applier.oldestUnappliedMs).toBe(0);
    await applier.drain();
  });
});
