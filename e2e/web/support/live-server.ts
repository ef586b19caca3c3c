import { startTestApp, type TestApp } from '../../../packages/server/src/test-support/test-app.js';
import { ensureDashboardBuilt } from './dashboard-build.js';

export interface LiveServer {
  baseUrl: string;
  app: TestApp;
  close(): Promise<void>;
}

/** The real Cairn server (real DuckDB file in a temp CAIRN_DATA_DIR) on a free loopback port, serving the dashboard. */
export async function startLiveServer(): Promise<LiveServer> {
  await ensureDashboardBuilt();
  // The browser loads pages, assets and API calls from one address; the default limit would throttle a fast test.
  const app = await startTestApp({ CAIRN_RATE_LIMIT_PER_MINUTE: '100000' });
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return { baseUrl: `http://127.0.0.1:${address.port}`, app, close: () => app.close() };
}
