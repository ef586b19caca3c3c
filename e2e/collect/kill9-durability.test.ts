import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cairnEnv, makeDataDir, removeDataDir, startServer } from '../support/cairn-process.js';

/**
 * The durability promise: a 200 from /v1/batch means the events are committed. We send batches from several
 * concurrent clients, kill the server with SIGKILL mid-stream (no shutdown code runs), restart it, and check
 * that every acknowledged messageId is in the store.
 */
describe('kill -9 under ingestion load', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await makeDataDir();
  });
  afterAll(() => removeDataDir(dataDir));

  it('loses no acknowledged event', async () => {
    const env = cairnEnv(dataDir, { CAIRN_INGEST_RATE_LIMIT_PER_MINUTE: '1000000' });
    const server = await startServer(env);
    const ws = await api<{ id: string }>(server.url, 'POST', '/api/v1/workspaces', { name: 'Durable' });
    const key = await api<{ key: string }>(
      server.url,
      'POST',
      `/api/v1/workspaces/${ws.body.id}/write-keys`,
      { name: 'k' },
    );
    const auth = `Basic ${Buffer.from(`${key.body.key}:`).toString('base64')}`;

    const acknowledged: string[] = [];
    let killed = false;
    let sequence = 0;
    const client = async (clientId: number) => {
      while (!killed) {
        const ids = Array.from({ length: 100 }, () => `c${clientId}-${sequence++}`);
        const batch = ids.map((messageId, i) => ({
          type: 'track',
          messageId,
          anonymousId: `visitor-${clientId}-${i % 10}`,
          event: 'Product Viewed',
          properties: { sku: messageId, price: 19.99 },
        }));
        try {
          const res = await fetch(`${server.url}/v1/batch`, {
            method: 'POST',
            headers: { authorization: auth, 'content-type': 'application/json' },
            body: JSON.stringify({ batch }),
          });
          if (res.status === 200) acknowledged.push(...ids);
        } catch {
          // The connection died with the server: these events were never acknowledged.
        }
      }
    };
    const clients = Array.from({ length: 6 }, (_, i) => client(i));
    // Kill only once the load is real, so the kill lands in the middle of commits.
    while (acknowledged.length < 5_000) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    killed = true;
    await server.exited;
    await Promise.all(clients);

    // Restarting proves the store opens and replays its WAL; then stop it cleanly to read the file.
    const again = await startServer(env);
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    expect(await again.stop('SIGTERM')).toBe(0);

    const instance = await DuckDBInstance.create(path.join(dataDir, 'cairn.duckdb'));
    const connection = await instance.connect();
    const rows = (await connection.runAndReadAll('SELECT message_id FROM events')).getRowObjectsJson();
    connection.disconnectSync();
    instance.closeSync();
    const stored = new Set(rows.map((r) => String(r.message_id)));
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(5_000);
    expect(lost).toEqual([]);
  }, 120_000);
});
