import { hash } from 'node:crypto';

/** A key (such as a workspace and messageId pair) as its 128-bit fingerprint. */
export type Fingerprint = Uint32Array;
/** A (workspace, messageId) pair as its fingerprint (messageKey). */
export type MessageKey = Fingerprint;

/**
 * A set of keys (such as (workspace, messageId) pairs) held as 128-bit fingerprints in one typed array (open addressing, linear
 * probing). Millions of remembered messageIds as strings in a JavaScript Set cost ~100 bytes each and, worse, are
 * objects every major garbage collection must visit: after a few hundred thousand of them the collector's pauses
 * showed in the ingestion latency tail. Here a key costs 32 to 64 bytes (16-byte slots, at most half of them
 * used) and nothing for the collector; the table doubles when half full (about 30 ms at a million keys).
 *
 * Two different keys share a fingerprint with probability about n / 2^128 per lookup: for 2M keys, never in
 * practice (a shared fingerprint would drop the newer message as a duplicate).
 */
export class FingerprintSet {
  /**
   * Four 32-bit words per slot; an empty slot is all zero, a deleted one 0,0,0,1 (fingerprints have bit 0 of the
   * first word set, so they are never either).
   */
  private slots: Uint32Array;
  private used = 0;
  private deleted = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.slots = new Uint32Array(capacity * 4);
  }

  /** Keys in the set. */
  get size(): number {
    return this.used;
  }

  has(key: Fingerprint): boolean {
    return this.find(key) >= 0;
  }

  /** Adds the key; false when it was there already. */
  add(key: Fingerprint): boolean {
    if (this.find(key) >= 0) return false;
    if ((this.used + this.deleted + 1) * 2 > this.capacity) this.resize();
    this.place(key);
    this.used += 1;
    return true;
  }

  delete(key: Fingerprint): boolean {
    const slot = this.find(key);
    if (slot < 0) return false;
    this.slots.set(tombstone, slot * 4);
    this.used -= 1;
    this.deleted += 1;
    return true;
  }

  private get capacity(): number {
    return this.slots.length / 4;
  }

  /** The slot holding `key`, or −1. */
  private find(key: Fingerprint): number {
    const mask = this.capacity - 1;
    const s = this.slots;
    for (let slot = (key[1] as number) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 4;
      const first = s[at] as number;
      if (first === 0 && s[at + 3] === 0) return -1; // empty: the probe sequence ends here
      if (first === key[0] && s[at + 1] === key[1] && s[at + 2] === key[2] && s[at + 3] === key[3]) {
        return slot;
      }
    }
  }

  /** Writes the key at `from[at..at + 4]` into the first free (empty or deleted) slot of its probe sequence. */
  private place(from: Uint32Array, at = 0): void {
    const mask = this.capacity - 1;
    const s = this.slots;
    let slot = (from[at + 1] as number) & mask;
    while (((s[slot * 4] as number) & 1) === 1) slot = (slot + 1) & mask;
    const to = slot * 4;
    if (s[to + 3] === 1) this.deleted -= 1;
    s[to] = from[at] as number;
    s[to + 1] = from[at + 1] as number;
    s[to + 2] = from[at + 2] as number;
    s[to + 3] = from[at + 3] as number;
  }

  /** Doubles the table when it is more than a quarter live; rebuilds it without deleted slots otherwise. */
  private resize(): void {
    const old = this.slots;
    const grow = (this.used + 1) * 4 > this.capacity;
    this.slots = new Uint32Array(grow ? old.length * 2 : old.length);
    this.deleted = 0;
    for (let at = 0; at < old.length; at += 4) {
      if (((old[at] as number) & 1) === 1) this.place(old, at);
    }
  }
}

const tombstone = new Uint32Array([0, 0, 0, 1]);

/**
 * The key of a message: the fingerprint of workspace id, a NUL and messageId (workspace ids are UUIDs, so the NUL
 * cannot be part of one and the pair is unambiguous).
 */
export function messageKey(workspaceId: string, messageId: string, out = new Uint32Array(4)): MessageKey {
  return fingerprint(`${workspaceId}\u0000${messageId}`, out);
}

/**
 * The first 128 bits of the text's SHA-1, bit 0 set (see the slots above). Node's built-in one-shot hash: about
 * 0.8 µs per key here.
 */
export function fingerprint(text: string, out = new Uint32Array(4)): Fingerprint {
  const digest = hash('sha1', text, 'buffer');
  out[0] = (digest.readUInt32LE(0) | 1) >>> 0;
  out[1] = digest.readUInt32LE(4);
  out[2] = digest.readUInt32LE(8);
  out[3] = digest.readUInt32LE(12);
  return out;
}
