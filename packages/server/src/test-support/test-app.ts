import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../config.js';
import { buildApp, type CairnApp } from '../http/app.js';
import { openDuckDbStore } from '../store/duckdb/store.js';
import type { Store } from '../store/port.js';

export const testAdminToken = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  app: CairnApp;
  store: Store;
  config: Config;
  dataDir: string;
  close(): Promise<void>;
}

/** A real app on a real DuckDB file in a fresh temporary directory. */
export async function startTestApp(env: Record<string, string> = {}, now?: () => Date): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cairn-test-'));
  const config = loadConfig({ CAIRN_DATA_DIR: dataDir, CAIRN_ADMIN_TOKEN: testAdminToken, ...env });
  const store = await openDuckDbStore(path.join(dataDir, 'cairn.duckdb'));
  await store.migrate();
  const app = await buildApp({ config, store, logger: false, ...(now ? { now } : {}) });
  await app.ready();
  visibleAfterIngest(app);
  return {
    app,
    store,
    config,
    dataDir,
    async close() {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * In-process tests read the store right after sending events; the server acknowledges events once they are in the
 * ingest journal, a moment before they are in the store. Injected requests therefore return only once what they
 * acknowledged is in the store too (the journal itself is tested on its own).
 */
function visibleAfterIngest(app: CairnApp): void {
  const inject = app.inject.bind(app) as (options: unknown) => Promise<unknown>;
  Object.assign(app, {
    inject: async (options: unknown) => {
      const response = await inject(options);
      await app.ingestor.caughtUp();
      return response;
    },
  });
}

export const adminHeaders = { authorization: `Bearer ${testAdminToken}` };
