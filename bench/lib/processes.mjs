// Start and stop the processes a benchmark measures.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const adminToken = 'bench-admin-token-0123456789abcdef';

/** Runs a node script and resolves with its stdout once it exits. */
export function runNode(args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

/** Starts a node script that prints its URL on the first line of stdout. */
export function startPrintingUrl(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', (d) => resolve({ child, url: String(d).trim() }));
  });
}

/** Starts `cairn start` on a fresh data directory and waits for readiness. */
export async function startCairn(extraEnv = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cairn-bench-'));
  const env = {
    ...process.env,
    CAIRN_DATA_DIR: dataDir,
    CAIRN_ADMIN_TOKEN: adminToken,
    HOST: '127.0.0.1',
    PORT: '0',
    CAIRN_LOG_LEVEL: 'warn',
    CAIRN_RATE_LIMIT_PER_MINUTE: '10000000',
    CAIRN_INGEST_RATE_LIMIT_PER_MINUTE: '10000000',
    ...extraEnv,
  };
  const entry = path.join(repoRoot, 'packages/server/src/cli/main.ts');
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', entry, 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      const info = JSON.parse(await readFile(path.join(dataDir, 'server.json'), 'utf8'));
      if ((await fetch(`${info.url}/readyz`)).ok) return { child, url: info.url, dataDir };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('cairn did not start');
}

export function stop(child, signal = 'SIGTERM') {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill(signal);
  });
}

export async function adminCall(url, method, route, body) {
  const res = await fetch(url + route, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}
