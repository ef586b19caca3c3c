import type { SegmentMessage } from '../wire.js';
import { type KeyValueStorage, readJson } from './safe-storage.js';

const queueKeyPrefix = 'cairn_queue.';
const tabIdKey = 'cairn_tab';
/** A queue nobody has written for this long belongs to a closed tab (live tabs rewrite on every change). */
const abandonedAfterMs = 30_000;

export interface StoredEntry {
  message: SegmentMessage;
  attempts: number;
}

interface StoredQueue {
  writeKey: string;
  updatedAt: number;
  entries: StoredEntry[];
}

const isStoredQueue = (value: unknown): value is StoredQueue => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredQueue>;
  return typeof candidate.writeKey === 'string' && Array.isArray(candidate.entries);
};

export interface PersistedQueueDeps {
  local: KeyValueStorage;
  /** sessionStorage survives a reload of the same tab but is not shared between tabs. */
  session: KeyValueStorage;
  writeKey: string;
  now(): number;
  newId(): string;
}

/**
 * The unsent queue in localStorage, one key per tab (tab id in sessionStorage), so two open tabs never overwrite
 * each other's messages, a reload finds its own queue again, and queues of closed tabs are adopted by the next
 * page. An adopted message may also be sent by a tab that is still alive; the server de-duplicates by messageId.
 */
export class PersistedQueue {
  private ownKey: string | undefined;

  constructor(private readonly deps: PersistedQueueDeps) {}

  save(entries: ReadonlyArray<StoredEntry>): void {
    const key = this.key();
    if (entries.length === 0) {
      this.deps.local.remove(key);
      return;
    }
    const stored: StoredQueue = {
      writeKey: this.deps.writeKey,
      updatedAt: this.deps.now(),
      entries: entries.map(({ message, attempts }) => ({ message, attempts })),
    };
    this.deps.local.set(key, JSON.stringify(stored));
  }

  /** This tab's queue from before a reload plus abandoned queues of closed tabs, oldest first. */
  takeOver(): StoredEntry[] {
    const ownKey = this.key();
    const taken: StoredQueue[] = [];
    for (const key of this.deps.local.keys()) {
      if (!key.startsWith(queueKeyPrefix)) continue;
      const stored = readJson(this.deps.local, key, isStoredQueue);
      if (!stored || stored.writeKey !== this.deps.writeKey) continue;
      if (key !== ownKey && this.deps.now() - stored.updatedAt < abandonedAfterMs) continue;
      taken.push(stored);
      if (key !== ownKey) this.deps.local.remove(key);
    }
    return taken.sort((a, b) => a.updatedAt - b.updatedAt).flatMap((stored) => stored.entries);
  }

  /** Consent revoked: remove every queue this SDK stored, of every tab. */
  clearAll(): void {
    for (const key of this.deps.local.keys()) if (key.startsWith(queueKeyPrefix)) this.deps.local.remove(key);
    this.deps.session.remove(tabIdKey);
    this.ownKey = undefined;
  }

  private key(): string {
    if (this.ownKey === undefined) {
      let tabId = this.deps.session.get(tabIdKey);
      if (!tabId) {
        tabId = this.deps.newId();
        this.deps.session.set(tabIdKey, tabId);
      }
      this.ownKey = queueKeyPrefix + tabId;
    }
    return this.ownKey;
  }
}
