import type { Store } from '../../store/port.js';

/**
 * Maps a write key to its workspace. SDKs send the key with every request, so answers are cached for a few
 * seconds: a revoked key stops working within `ttlMs` without a store read per request.
 */
export class WriteKeyResolver {
  private readonly cache = new Map<string, { workspaceId: string | null; expires: number }>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {
    store.onReplaced(() => this.cache.clear());
  }

  async workspaceFor(key: string | undefined): Promise<string | null> {
    if (!key || key.length > 200) return null;
    const at = this.now().getTime();
    const hit = this.cache.get(key);
    if (hit && hit.expires > at) return hit.workspaceId;
    const record = await this.store.writeKeys.getByKey(key);
    const workspaceId = record && !record.revokedAt ? record.workspaceId : null;
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(key, { workspaceId, expires: at + this.ttlMs });
    return workspaceId;
  }
}

/** The write key from HTTP Basic auth (user name, empty password), as the Segment HTTP API defines it. */
export function writeKeyFromBasicAuth(header: string | undefined): string | undefined {
  const match = header?.match(/^Basic\s+([A-Za-z0-9+/=_-]+)$/i);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const user = decoded.split(':')[0];
  return user || undefined;
}
