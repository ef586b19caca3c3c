import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRunningServer } from '../cli/server-link.js';
import {
  isProcessAlive,
  readServerFile,
  removeServerFile,
  serverFilePath,
  writeServerFile,
} from './server-file.js';

describe('server.json', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cairn-server-file-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const info = { pid: process.pid, url: 'http://127.0.0.1:1', cliToken: 'cairn_cli_0123456789abcdefghijkl' };

  it('is written readable by the owner only and read back', async () => {
    await writeServerFile(dir, info);
    expect((await stat(serverFilePath(dir))).mode & 0o777).toBe(0o600);
    expect(await readServerFile(dir)).toEqual(info);
  });

  it('reads as absent when missing, malformed or of the wrong shape', async () => {
    expect(await readServerFile(dir)).toBeNull();
    await writeFile(serverFilePath(dir), '{ not json');
    expect(await readServerFile(dir)).toBeNull();
    await writeFile(serverFilePath(dir), JSON.stringify({ pid: 'x', url: 'ftp://x', cliToken: '' }));
    expect(await readServerFile(dir)).toBeNull();
  });

  it('is removed only by the process it describes', async () => {
    await writeServerFile(dir, info);
    await removeServerFile(dir, process.pid + 1);
    expect(await readServerFile(dir)).toEqual(info);
    await removeServerFile(dir, process.pid);
    expect(await readServerFile(dir)).toBeNull();
  });

  it('counts a file left by a dead process, or by a live one that serves nothing, as no server', async () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    const deadPid = 2 ** 22 + 1; // above Linux's pid_max ceiling, so no process has it
    expect(isProcessAlive(deadPid)).toBe(false);
    await writeServerFile(dir, { ...info, pid: deadPid });
    expect(await findRunningServer(dir)).toBeNull();
    await writeServerFile(dir, info); // alive (this test), but nothing listens on port 1
    expect(await findRunningServer(dir)).toBeNull();
  });
});
