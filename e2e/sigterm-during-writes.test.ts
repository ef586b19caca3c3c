import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  cairnEnv,
  makeDataDir,
  processTestTimeouts,
  removeDataDir,
  startServer,
} from './support/cairn-process.js';

/**
 * The shutdown promise: every write the server acknowledged (2xx) before or while it received SIGTERM is in the
 * store after a restart, and the store comes back open and migrated.
 */
describe('SIGTERM during writes', processTestTimeouts, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await makeDataDir();
  });
  afterAll(() => removeDataDir(dataDir));

  it('exits 0 and keeps every acknowledged write', async () => {
    const env = cairnEnv(dataDir);
    const server = await startServer(env);
    const created = await api<{ id: string }>(server.url, 'POST', '/api/v1/workspaces', { name: 'Base' });
    expect(created.status).toBe(201);
    const workspaceId = created.body.id;

    const acknowledgedKeys: string[] = [];
    const acknowledgedWorkspaces: string[] = [];
    let attempts = 0;
    // Each writer loops until the server stops answering; a refused or 503 request was never acknowledged.
    const writer = async (n: number) => {
      for (let i = 0; ; i++) {
        attempts++;
        try {
          if (i % 3 === 0) {
            const res = await api<{ id: string }>(server.url, 'POST', '/api/v1/workspaces', {
              name: `W ${n}.${i}`,
            });
            if (res.status !== 201) return;
            acknowledgedWorkspaces.push(res.body.id);
          } else {
            const res = await api<{ id: string }>(
              server.url,
              'POST',
              `/api/v1/workspaces/${workspaceId}/write-keys`,
              { name: `key ${n}.${i}` },
            );
            if (res.status !== 201) return;
            acknowledgedKeys.push(res.body.id);
          }
        } catch {
          return;
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, n) => writer(n));
    while (acknowledgedKeys.length + acknowledgedWorkspaces.length < 150) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const code = await server.stop('SIGTERM');
    await Promise.all(writers);
    expect(code, JSON.stringify(server.output())).toBe(0);
    expect(existsSync(path.join(dataDir, 'server.json'))).toBe(false);
    // Writes were really in flight when the signal came: some attempts were cut off.
    expect(attempts).toBeGreaterThan(acknowledgedKeys.length + acknowledgedWorkspaces.length);

    const again = await startServer(env);
    try {
      expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
      const keys = await api<{ items: { id: string }[] }>(
        again.url,
        'GET',
        `/api/v1/workspaces/${workspaceId}/write-keys`,
      );
      const storedKeys = new Set(keys.body.items.map((k) => k.id));
      expect(acknowledgedKeys.filter((id) => !storedKeys.has(id))).toEqual([]);
      const workspaces = await api<{ items: { id: string }[] }>(again.url, 'GET', '/api/v1/workspaces');
      const storedWorkspaces = new Set(workspaces.body.items.map((w) => w.id));
      expect(acknowledgedWorkspaces.filter((id) => !storedWorkspaces.has(id))).toEqual([]);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });
});
