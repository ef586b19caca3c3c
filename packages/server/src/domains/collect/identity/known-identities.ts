import { FingerprintSet, fingerprint } from '../fingerprint-set.js';
import { type IdentityRef, identityKey } from './identity-graph.js';

/** Reads every stored identity, a chunk at a time (EventStore.scanIdentities). */
export type IdentityScan = (visit: (chunk: IdentityRef[]) => void | Promise<void>) => Promise<void>;

/**
 * The fingerprints of every identity the store holds or is about to hold, so that an identifier seen for the
 * first time (a new visitor's anonymousId) is known to be new without asking the store. Such a lookup in the
 * store cost several milliseconds per batch on the writer's path, and most batches of real traffic carry a new
 * visitor.
 *
 * The set may hold more than the store (a batch whose journal write failed), never less: an identity it missed
 * would be created a second time, and the store would refuse that batch for good. So it is complete only once
 * it has read the whole store, after `rebuild` is called at a moment when nothing waits to be applied, and after
 * it has been told every identity staged since (`add`). Until then every identity may exist.
 */
export class KnownIdentities {
  private keys = new FingerprintSet();
  private complete = false;
  /** Counts rebuilds: a scan that a newer rebuild overtook is dropped. */
  private generation = 0;
  private building: Promise<void> = Promise.resolve();

  /** False only for an identity that is certainly not in the store. */
  mayExist(ref: IdentityRef): boolean {
    return !this.complete || this.keys.has(fingerprint(identityKey(ref)));
  }

  /** Tells the set of an identity that is about to be stored (before it reaches the store). */
  add(ref: IdentityRef): void {
    this.keys.add(fingerprint(identityKey(ref)));
  }

  /**
   * Forgets everything and reads the store again in the background. Call it when the store holds every identity
   * staged so far (at start-up after the journal replay, after a restore). If the scan fails the set stays
   * incomplete, which only costs lookups.
   */
  rebuild(scan: IdentityScan, onError: (error: unknown) => void): void {
    const generation = ++this.generation;
    this.keys = new FingerprintSet();
    this.complete = false;
    const keys = this.keys;
    this.building = scan(async (chunk) => {
      if (generation !== this.generation) throw new Overtaken();
      for (const ref of chunk) keys.add(fingerprint(identityKey(ref)));
      // A chunk is 2048 identities (about 2 ms of hashing): let other work in between.
      await new Promise((resolve) => setImmediate(resolve));
    }).then(
      () => {
        if (generation === this.generation) this.complete = true;
      },
      (error: unknown) => {
        if (!(error instanceof Overtaken) && generation === this.generation) onError(error);
      },
    );
  }

  /** Resolves when the latest rebuild has finished (or failed). */
  settled(): Promise<void> {
    return this.building;
  }

  /** Whether `mayExist` answers from the set (the rebuild has finished). */
  get isComplete(): boolean {
    return this.complete;
  }

  get size(): number {
    return this.keys.size;
  }
}

class Overtaken extends Error {}
