import { describe, expect, it } from 'vitest';
import type { IdentityRef } from './identity-graph.js';
import { type IdentityScan, KnownIdentities } from './known-identities.js';

const anon = (value: string, workspaceId = 'w1'): IdentityRef => ({
  workspaceId,
  kind: 'anonymous_id',
  value,
});

/** A store scan that hands over `refs` in chunks of `size`, and waits for `gate` before it ends. */
function scanOf(refs: IdentityRef[], size = 2, gate: Promise<void> = Promise.resolve()): IdentityScan {
  return async (visit) => {
    for (let at = 0; at < refs.length; at += size) await visit(refs.slice(at, at + size));
    await gate;
  };
}

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const failOnError = (error: unknown) => {
  throw error;
};

describe('known identities', () => {
  it('says every identity may exist until the store has been read, then only the stored ones', async () => {
    const known = new KnownIdentities();
    expect(known.mayExist(anon('anything'))).toBe(true);
    const scanEnd = gate();
    known.rebuild(scanOf([anon('a'), anon('b'), anon('c')], 2, scanEnd.opened), failOnError);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(known.isComplete).toBe(false);
    expect(known.mayExist(anon('new'))).toBe(true);
    scanEnd.open();
    await known.settled();
    expect(known.isComplete).toBe(true);
    expect(['a', 'b', 'c'].map((v) => known.mayExist(anon(v)))).toEqual([true, true, true]);
    expect(known.mayExist(anon('new'))).toBe(false);
    expect(known.size).toBe(3);
  });

  it('keeps identities staged while the store is read, and tells apart workspace, kind and value', async () => {
    const known = new KnownIdentities();
    const scanEnd = gate();
    known.rebuild(scanOf([anon('a')], 2, scanEnd.opened), failOnError);
    known.add({ workspaceId: 'w1', kind: 'user_id', value: 'anna' });
    scanEnd.open();
    await known.settled();
    expect(known.mayExist({ workspaceId: 'w1', kind: 'user_id', value: 'anna' })).toBe(true);
    expect(known.mayExist({ workspaceId: 'w2', kind: 'user_id', value: 'anna' })).toBe(false);
    expect(known.mayExist({ workspaceId: 'w1', kind: 'anonymous_id', value: 'anna' })).toBe(false);
    expect(known.mayExist({ workspaceId: 'w1', kind: 'user_id', value: 'ann' })).toBe(false);
    known.add(anon('later'));
    expect(known.mayExist(anon('later'))).toBe(true);
  });

  it('drops a scan that a newer rebuild overtook (a restore during the read)', async () => {
    const known = new KnownIdentities();
    const oldScanEnd = gate();
    known.rebuild(scanOf([anon('old-1'), anon('old-2'), anon('old-3')], 1, oldScanEnd.opened), failOnError);
    known.rebuild(scanOf([anon('restored')]), failOnError);
    await known.settled();
    oldScanEnd.open();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(known.isComplete).toBe(true);
    expect(known.mayExist(anon('restored'))).toBe(true);
    expect(known.mayExist(anon('old-3'))).toBe(false);
  });

  it('stays incomplete when the store cannot be read, so new identifiers are still looked up', async () => {
    const known = new KnownIdentities();
    const errors: unknown[] = [];
    known.rebuild(
      async (visit) => {
        await visit([anon('a')]);
        throw new Error('disk gone');
      },
      (error) => errors.push(error),
    );
    await known.settled();
    expect(errors).toEqual([new Error('disk gone')]);
    expect(known.isComplete).toBe(false);
    expect(known.mayExist(anon('new'))).toBe(true);
  });
});
