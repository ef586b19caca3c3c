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

/**
 * CPU seconds (user + system, all threads) a process has used so far, from Linux's /proc/<pid>/stat (fields 14
 * and 15, in clock ticks of 1/100 s, the kernel's USER_HZ on every common architecture). NaN elsewhere.
 */
export async function processCpuSeconds(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Busy CPU seconds of the whole machine so far (every core: user, nice, system, irq, softirq, steal), from Linux's
 * /proc/stat in clock ticks of 1/100 s. NaN elsewhere.
 */
export async function machineCpuSeconds() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = (await readFile('/proc/stat', 'utf8'))
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return Number.NaN;
  }
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
