import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cairnEnv,
  makeDataDir,
  processTestTimeouts,
  removeDataDir,
  spawnServer,
  startServer,
} from './support/cairn-process.js';

describe('server boot and shutdown', processTestTimeouts, () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await makeDataDir();
  });
  afterEach(() => removeDataDir(dataDir));

  it.each(['not-a-port', '70000'])('refuses PORT=%s: exit 1 with a message naming PORT', async (port) => {
    const server = spawnServer(cairnEnv(dataDir, { PORT: port }));
    expect(await server.exited).toBe(1);
    const { stderr } = server.output();
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toMatch(/^ {2}- PORT: .*\(got .*\)$/m);
    expect(existsSync(path.join(dataDir, 'cairn.duckdb'))).toBe(false); // failed before touching the store
  });

  it('announces itself in a private server.json and removes it on SIGTERM', async () => {
    const server = await startServer(cairnEnv(dataDir, { CAIRN_LOG_LEVEL: 'info' }));
    const file = path.join(dataDir, 'server.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const info = JSON.parse(await readFile(file, 'utf8'));
    expect(info).toEqual({
      pid: server.child.pid,
      url: server.url,
      cliToken: expect.stringMatching(/^cairn_cli_/),
    });
    // The CLI token is an operator credential for the API.
    const me = await fetch(`${server.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${info.cliToken}` },
    });
    expect(me.status).toBe(200);

    expect(await server.stop('SIGTERM')).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(server.output().stdout).toContain('"step":"store"');
  });

  it('exits 0 on SIGINT too', async () => {
    const server = await startServer(cairnEnv(dataDir));
    expect(await server.stop('SIGINT')).toBe(0);
  });

  it('refuses to start while another process holds the store, naming the file', async () => {
    const first = await startServer(cairnEnv(dataDir));
    try {
      const second = spawnServer(cairnEnv(dataDir));
      expect(await second.exited).toBe(1);
      expect(second.output().stderr).toContain(
        `another Cairn process is using ${path.join(dataDir, 'cairn.duckdb')}`,
      );
      // The failed second server must not remove the first one's server.json.
      expect(existsSync(path.join(dataDir, 'server.json'))).toBe(true);
    } finally {
      expect(await first.stop()).toBe(0);
    }
  });
});
