import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cairnEnv, makeDataDir, removeDataDir, startServer } from '../support/cairn-process.js';

/** `npm start` runs `cairn start --demo`: a newcomer's first start fills the empty store with the demo world. */
describe('cairn start --demo', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await makeDataDir();
  });
  afterAll(() => removeDataDir(dataDir));

  it('loads the demo world into an empty store, once, and the first account can open it', async () => {
    const env = cairnEnv(dataDir);
    const server = await startServer(env, 50_000, ['--demo']);
    try {
      // The load runs in the background after the server is ready: wait for customers to appear.
      let workspaceId = '';
      let profiles = 0;
      for (let i = 0; i < 240 && profiles === 0; i++) {
        const list = await api<{ items: { id: string; name: string }[] }>(
          server.url,
          'GET',
          '/api/v1/workspaces',
        );
        workspaceId = list.body.items.find((w) => w.name.includes('(Demo)'))?.id ?? '';
        if (workspaceId) {
          const found = await api<{ items: unknown[] }>(
            server.url,
            'GET',
            `/api/v1/workspaces/${workspaceId}/profiles?limit=5`,
          );
          profiles = found.body.items.length;
        }
        if (profiles === 0) await new Promise((r) => setTimeout(r, 500));
      }
      expect(workspaceId).not.toBe('');
      expect(profiles).toBeGreaterThan(0);

      const setup = await api<{ workspace: { id: string } }>(server.url, 'POST', '/api/v1/setup', {
        email: 'first@example.com',
        password: 'a long enough password',
        workspaceName: 'Own',
      });
      expect(setup.status).toBe(201);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // A second start finds workspaces and loads nothing more.
    const again = await startServer(env, 50_000, ['--demo']);
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const list = await api<{ items: { name: string }[] }>(again.url, 'GET', '/api/v1/workspaces');
      expect(list.body.items.filter((w) => w.name.includes('(Demo)'))).toHaveLength(1);
    } finally {
      await again.stop();
    }
  }, 180_000);
});
