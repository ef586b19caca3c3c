import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real processes for end-to-end tests: the `cairn` CLI and server run from the TypeScript sources (tsx, with the
 * "source" export condition), exactly as `node dist/cli/main.js` would run them after a build.
 */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cliEntry = path.join(repoRoot, 'packages/server/src/cli/main.ts');
const nodeArgs = ['--conditions=source', '--import', 'tsx', cliEntry];

/** Every child still running when the test worker exits is killed, so a timed-out test leaks no server. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export const adminToken = 'e2e-admin-token-0123456789abcdefghij';

export async function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'cairn-e2e-'));
}

export const removeDataDir = (dir: string) => rm(dir, { recursive: true, force: true });

/** Parent environment without Cairn settings, so a developer's own configuration cannot leak into a test. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('CAIRN_') && key !== 'PORT' && key !== 'HOST')
      env[key] = value;
  }
  return { ...env, ...extra };
}

export function cairnEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CAIRN_DATA_DIR: dataDir,
    CAIRN_ADMIN_TOKEN: adminToken,
    HOST: '127.0.0.1',
    PORT: '0',
    CAIRN_LOG_LEVEL: 'warn',
    // The tests fire hundreds of requests from one address within seconds.
    CAIRN_RATE_LIMIT_PER_MINUTE: '1000000',
    ...extra,
  };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): { output: () => { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return { output: () => ({ stdout, stderr }) };
}

const exitOf = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Runs `cairn <args>` to completion. */
export async function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = track(spawn(process.execPath, [...nodeArgs, ...args], { cwd: repoRoot, env: cleanEnv(env) }));
  child.stdin.end();
  const { output } = collect(child);
  const code = await exitOf(child);
  return { code, ...output() };
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): { stdout: string; stderr: string };
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

/** Spawns `cairn start` without waiting for it to come up (for boot failures). */
export function spawnServer(
  env: Record<string, string>,
  startArgs: string[] = [],
): {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => { stdout: string; stderr: string };
} {
  const child = track(
    spawn(process.execPath, [...nodeArgs, 'start', ...startArgs], { cwd: repoRoot, env: cleanEnv(env) }),
  );
  const { output } = collect(child);
  return { child, exited: exitOf(child), output };
}

async function readServerUrl(dataDir: string, pid: number | undefined): Promise<string | null> {
  try {
    const info = JSON.parse(await readFile(path.join(dataDir, 'server.json'), 'utf8')) as {
      pid: number;
      url: string;
    };
    return info.pid === pid ? info.url : null;
  } catch {
    return null;
  }
}

/** Starts `cairn start` and waits until it has announced itself in server.json and answers /readyz. */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 50_000,
  startArgs: string[] = [],
): Promise<ServerProcess> {
  const { child, exited, output } = spawnServer(env, startArgs);
  const dataDir = env.CAIRN_DATA_DIR as string;
  const deadline = Date.now() + timeoutMs;
  let finished = false;
  void exited.then(() => {
    finished = true;
  });
  while (Date.now() < deadline && !finished) {
    const url = await readServerUrl(dataDir, child.pid);
    if (
      url &&
      (await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      return {
        child,
        url,
        output,
        exited,
        stop: async (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`cairn start did not become ready: ${JSON.stringify(output())}`);
}

export const adminHeaders = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };

/** A JSON API call with the admin token; returns status and parsed body. */
export async function api<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = adminHeaders,
): Promise<{ status: number; body: T }> {
  const response = await fetch(url + path, {
    method,
    headers: body === undefined ? { authorization: headers.authorization as string } : headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/**
 * Process-level tests start several Node processes one after another; with the whole suite running in parallel
 * on two cores each start can take seconds, far beyond the default unit-test timeout.
 */
export const processTestTimeouts = { timeout: 180_000 };
