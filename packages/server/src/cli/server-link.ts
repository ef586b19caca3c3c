import type { Config } from '../config.js';
import { randomSecret, tokenPrefixes } from '../domains/access/secrets.js';
import { isProcessAlive, readServerFile, type ServerFile } from '../runtime/server-file.js';
import { openStoreIn, storeFilePath } from '../runtime/store-file.js';
import type { ApiClient } from './api-client.js';
import { HttpApiClient } from './http-client.js';
import { InjectApiClient } from './inject-client.js';

export type Connection =
  | { mode: 'server'; api: ApiClient; url: string; pid: number }
  /** The CLI opened the store file itself; `migrationsApplied` lists what opening it migrated. */
  | { mode: 'direct'; api: ApiClient; storeFile: string; migrationsApplied: string[] };

const healthTimeoutMs = 2_000;

/**
 * The server described by server.json, if it is really there: the process lives and answers /healthz. A file
 * left behind by a crash (dead pid, or a reused pid that serves nothing) counts as no server.
 */
export async function findRunningServer(dataDir: string): Promise<ServerFile | null> {
  const info = await readServerFile(dataDir);
  if (!info || !isProcessAlive(info.pid)) return null;
  try {
    const response = await fetch(`${info.url}/healthz`, { signal: AbortSignal.timeout(healthTimeoutMs) });
    return response.ok ? info : null;
  } catch {
    return null;
  }
}

/**
 * Connects to the running server if there is one, otherwise opens the store file (DuckDB allows one process)
 * and serves the same API in-process with a one-off operator token. Opening migrates, as booting the server does.
 * Throws StoreLockedError when another process holds the file without answering (e.g. a server still starting).
 */
export async function connect(config: Config): Promise<Connection> {
  const server = await findRunningServer(config.dataDir);
  if (server) {
    return {
      mode: 'server',
      api: new HttpApiClient(server.url, server.cliToken),
      url: server.url,
      pid: server.pid,
    };
  }
  const store = await openStoreIn(config.dataDir);
  try {
    // Loaded only here: talking to a running server needs none of the app, and the CLI starts faster without it.
    const { buildApp } = await import('../http/app.js');
    const migrationsApplied = await store.migrate();
    const cliToken = randomSecret(tokenPrefixes.cli);
    const app = await buildApp({ config, store, cliToken, logger: false });
    await app.ready();
    const release = async () => {
      await app.close();
      await store.close();
    };
    return {
      mode: 'direct',
      api: new InjectApiClient(app, cliToken, release),
      storeFile: storeFilePath(config.dataDir),
      migrationsApplied,
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
