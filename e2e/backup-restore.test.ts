import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  adminToken,
  api,
  cairnEnv,
  makeDataDir,
  processTestTimeouts,
  removeDataDir,
  runCli,
  startServer,
} from './support/cairn-process.js';

async function cli(args: string[], env: Record<string, string>): Promise<string> {
  const result = await runCli(args, env);
  if (result.code !== 0) throw new Error(`cairn ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout.trim();
}

async function workspaceNames(url: string): Promise<string[]> {
  const res = await api<{ items: { name: string }[] }>(url, 'GET', '/api/v1/workspaces');
  return res.body.items.map((w) => w.name).sort();
}

describe('backup and restore round trip', processTestTimeouts, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    dataDir = await makeDataDir();
    env = cairnEnv(dataDir);
  });
  afterEach(() => removeDataDir(dataDir));

  it('with the CLI on a stopped store: data written after the backup is gone, data before it is back', async () => {
    await cli(['workspace', 'create', '--name', 'Before'], env);
    const backup = await cli(['backup'], env);
    expect(backup).toMatch(new RegExp(`^${path.join(dataDir, 'backups')}/cairn-\\d{8}T\\d{6}Z\\.duckdb$`));
    await cli(['workspace', 'create', '--name', 'After'], env);

    const refused = await runCli(['restore', backup], env);
    expect(refused.code).toBe(1); // not a terminal and no --yes: nothing happens
    expect(refused.stderr).toContain('pass --yes');
    const restored = await runCli(['restore', backup, '--yes'], env);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/The data it replaced is kept at .*cairn\.duckdb\.before-restore-/);

    const server = await startServer(env);
    try {
      expect(await workspaceNames(server.url)).toEqual(['Before']);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(existsSync(backup)).toBe(true); // the operator's file is read, never consumed
  });

  it('over HTTP against a running server, and the restored data survives a restart', async () => {
    const server = await startServer(env);
    let url = server.url;
    try {
      await api(url, 'POST', '/api/v1/workspaces', { name: 'Before' });
      const response = await fetch(`${url}/api/v1/admin/backup`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(response.status).toBe(200);
      const file = path.join(dataDir, 'over-http.duckdb');
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
      // The CLI, talking to this server, takes a second backup of the same moment.
      const viaCli = await cli(['backup', '--out', path.join(dataDir, 'via-cli.duckdb')], env);
      await api(url, 'POST', '/api/v1/workspaces', { name: 'After' });
      expect(await workspaceNames(url)).toEqual(['After', 'Before']);

      const restore = await fetch(`${url}/api/v1/admin/restore`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/octet-stream' },
        body: await readFile(file),
      });
      expect(restore.status).toBe(200);
      expect(await workspaceNames(url)).toEqual(['Before']);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      // Writes continue on the restored store; then the CLI restores its own backup through the server.
      await api(url, 'POST', '/api/v1/workspaces', { name: 'After restore' });
      await cli(['restore', viaCli, '--yes'], env);
      expect(await workspaceNames(url)).toEqual(['Before']);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const again = await startServer(env);
    url = again.url;
    try {
      expect(await workspaceNames(url)).toEqual(['Before']);
      const kept = (await readdir(dataDir)).filter((f) => f.includes('before-restore-'));
      expect(kept).toHaveLength(2);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });
});
