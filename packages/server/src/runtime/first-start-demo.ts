import { InjectApiClient } from '../cli/inject-client.js';
import { loadDemoWorld } from '../domains/demo/demo-loader.js';
import type { CairnApp } from '../http/app.js';
import type { Store } from '../store/port.js';

/**
 * On a first start (no workspace yet), fills the store with the demo world in the background, so a newcomer sees a
 * living company as soon as the dashboard opens. It goes through the same HTTP API as `cairn demo` (in-process,
 * with the operator token), and its world ends today so "last 30 days" views have data.
 */
export async function loadDemoOnFirstStart(
  app: CairnApp,
  store: Store,
  operatorToken: string,
): Promise<void> {
  if ((await store.workspaces.listAll()).length > 0) return;
  app.log.info('Empty store: loading the demo world in the background (see docs/demo-world.md)');
  const started = performance.now();
  const api = new InjectApiClient(app, operatorToken, async () => undefined);
  try {
    const result = await loadDemoWorld(api, {
      seed: 1,
      customers: 20_000,
      endDate: new Date().toISOString().slice(0, 10),
    });
    app.log.info(
      {
        workspaceId: result.workspaceId,
        customers: result.customers,
        events: result.events,
        seconds: Math.round((performance.now() - started) / 1000),
      },
      'Demo world loaded',
    );
  } catch (error) {
    // A shutdown during the load, for instance: the server itself is fine, only the demo is incomplete.
    app.log.warn({ err: error }, 'Loading the demo world stopped');
  }
}
