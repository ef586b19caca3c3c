export interface RemoteConfig {
  requireConsent: boolean;
}

/**
 * `GET {host}/v1/config?writeKey=…` → `{ requireConsent }`. Undefined on any failure (older server, network,
 * timeout, unexpected shape); the consent state machine decides what that means.
 */
export async function fetchRemoteConfig(
  host: string,
  writeKey: string,
  timeoutMs: number,
): Promise<RemoteConfig | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(`${host}/v1/config?writeKey=${encodeURIComponent(writeKey)}`, {
      credentials: 'omit',
      signal: abort.signal,
    });
    if (!response.ok) return undefined;
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) return undefined;
    const requireConsent = (body as { requireConsent?: unknown }).requireConsent;
    return typeof requireConsent === 'boolean' ? { requireConsent } : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
