import type { Store } from '../../store/port.js';

/** FNV-1a over the UTF-16 code units of `text`, from `seed`; 32-bit. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

interface WorkspaceFilter {
  bits: Uint32Array;
  /** False while the stored ids are being loaded: until then every id may exist. */
  ready: boolean;
}

const pageSize = 50_000;

/**
 * Which response ids certainly do not exist yet, so that a batch of brand-new responses (the common case: every
 * SDK submission of a new respondent) needs no existence read on its critical path. A Bloom filter per workspace
 * (Bloom 1970; k positions by double hashing, Kirsch & Mitzenmacher 2006): "absent" is exact, "maybe" is checked
 * in the store. With 2^22 bits and k = 4 about 2 % of new ids read the store at 500k responses in a workspace;
 * beyond that more of them do, never a wrong answer. Exact only because every path that writes responses (the
 * response writer, the import) adds the ids before it commits them; deleted responses stay "maybe" (harmless).
 * A workspace's stored ids are loaded in pages on first use; until loaded (or if that fails), every id is "maybe".
 */
export class ResponseIdFilter {
  private readonly filters = new Map<string, WorkspaceFilter>();

  constructor(
    private readonly store: Store,
    private readonly bitCount = 1 << 22,
    private readonly hashes = 4,
    private readonly maxWorkspaces = 64,
  ) {}

  /** Drops every filter (after a restore the stored responses are different ones). */
  forgetAll(): void {
    this.filters.clear();
  }

  /** Records ids about to be written; call before their commit so no later check can miss them. */
  add(workspaceId: string, ids: Iterable<string>): void {
    // Following starts here at the latest: the load may read the store before these ids are committed.
    const filter = this.filters.get(workspaceId) ?? this.follow(workspaceId);
    if (filter) for (const id of ids) this.set(filter, id);
  }

  /** The ids among `ids` that may be stored (check them in the store); all others certainly are not. */
  maybeStored(workspaceId: string, ids: readonly string[]): readonly string[] {
    const filter = this.filters.get(workspaceId) ?? this.follow(workspaceId);
    if (!filter?.ready) return ids;
    return ids.filter((id) => this.has(filter, id));
  }

  private follow(workspaceId: string): WorkspaceFilter | undefined {
    if (this.filters.size >= this.maxWorkspaces) return undefined;
    const filter: WorkspaceFilter = { bits: new Uint32Array(this.bitCount / 32), ready: false };
    this.filters.set(workspaceId, filter);
    this.load(workspaceId, filter).then(
      () => {
        filter.ready = true;
      },
      // Never ready, so every id of the workspace is checked in the store: reloading could miss ids added meanwhile.
      () => undefined,
    );
    return filter;
  }

  /** Ids written meanwhile were added by `add` already; the union of both is every id. */
  private async load(workspaceId: string, filter: WorkspaceFilter): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const page = await this.store.surveys.responses.ids(workspaceId, after, pageSize);
      for (const id of page) this.set(filter, id);
      if (page.length < pageSize) return;
      after = page[page.length - 1] as string;
    }
  }

  private positions(id: string): number[] {
    const h1 = fnv1a(id, 0x811c9dc5);
    const h2 = fnv1a(id, 0x5bd1e995) | 1;
    return Array.from({ length: this.hashes }, (_, i) => (h1 + Math.imul(i, h2)) >>> 0);
  }

  private set(filter: WorkspaceFilter, id: string): void {
    for (const p of this.positions(id)) {
      const bit = p % this.bitCount;
      filter.bits[bit >>> 5] = (filter.bits[bit >>> 5] as number) | (1 << (bit & 31));
    }
  }

  private has(filter: WorkspaceFilter, id: string): boolean {
    return this.positions(id).every((p) => {
      const bit = p % this.bitCount;
      return ((filter.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
    });
  }
}
