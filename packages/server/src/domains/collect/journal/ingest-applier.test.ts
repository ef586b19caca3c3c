import { describe, expect, it } from 'vitest';
import { type IngestCommit, RefusedDataError } from '../../../store/collect-port.js';
import type { StoredMessage } from '../ingest-commit.js';
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
    setAside: async () => undefined,
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

/** A commit of events named by their message ids, with one new profile. */
const commitOf = (...ids: string[]): IngestCommit => ({
  events: ids.map((messageId) => ({ messageId }) as StoredMessage),
  plan: { newProfiles: [{ id: `p-${ids[0]}`, workspaceId: 'w' }], newIdentities: [], merges: [] },
  traits: [],
  groups: [],
});

describe('ingest applier, when the store refuses the data of a commit', () => {
  it('stores all the store takes of the window, sets aside the event it refuses, and goes on', async () => {
    const stored: string[][] = [];
    const setAside: { ids: string[]; planStored: boolean; reason: string }[] = [];
    const applied: string[] = [];
    let environmentalFailures = 1;
    const applier = new IngestApplier({
      maxEventsPerApply: 100,
      persist: async (commit) => {
        const ids = commit.events.map((e) => e.messageId);
        if (ids.includes('poison')) throw new RefusedDataError('Conversion Error: bad timestamp');
        if (ids.length === 0 && environmentalFailures-- > 0) throw new Error('IO Error: disk busy');
        stored.push(ids.length ? ids : commit.plan.newProfiles.map((p) => p.id));
      },
      applied: (events) => applied.push(...events.map((e) => e.messageId)),
      setAside: async (commit, error, planStored) => {
        setAside.push({ ids: commit.events.map((e) => e.messageId), planStored, reason: error.message });
      },
      release: () => undefined,
      retryDelayMs: 1,
      maxRetryDelayMs: 1,
    });
    applier.push(commitOf('a1', 'a2'), 1);
    applier.push(commitOf('b1', 'poison'), 1);
    applier.push(commitOf('c1'), 1);
    await applier.drain();
    // The merged window was refused; one by one, a and c are stored. Of b, the event the store takes, its (empty)
    // traits and groups after one failure that is not about the data (retried), and its profile; the other event is
    // set aside.
    expect(stored).toEqual([['a1', 'a2'], ['b1'], [], ['p-b1'], ['c1']]);
    expect(setAside).toEqual([
      { ids: ['poison'], planStored: true, reason: 'Conversion Error: bad timestamp' },
    ]);
    expect(applied).toEqual(['a1', 'a2', 'b1', 'c1']);
    expect(applier.backlog).toBe(0);
    applier.push(commitOf('d1'), 2);
    await applier.drain();
    expect(stored.at(-1)).toEqual(['d1']);
  });

  it('keeps retrying failures that are not about the data (the commit waits in the journal)', async () => {
    let failures = 0;
    const setAside: IngestCommit[] = [];
    const applier = new IngestApplier({
      maxEventsPerApply: 100,
      persist: async () => {
        if (failures++ < 4) throw new Error('IO Error: No space left on device');
      },
      applied: () => undefined,
      setAside: async (commit) => {
        setAside.push(commit);
      },
      release: () => undefined,
      retryDelayMs: 1,
      maxRetryDelayMs: 1,
    });
    applier.push(commitOf('a1'), 1);
    await applier.drain();
    expect(failures).toBe(5);
    expect(setAside).toEqual([]);
  });
});
