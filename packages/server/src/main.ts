#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { type Config, ConfigError, loadConfig } from './config.js';
import { randomSecret, tokenPrefixes } from './domains/access/secrets.js';
import { buildApp, type CairnApp } from './http/app.js';
import { loadDemoOnFirstStart } from './runtime/first-start-demo.js';
import { removeServerFile, writeServerFile } from './runtime/server-file.js';
import { exitOnSignals, ShutdownSequence } from './runtime/shutdown.js';
import { openStoreIn, StoreLockedError } from './runtime/store-file.js';
import type { Store } from './store/port.js';

/** How long shutdown may take before the process exits anyway; below the usual 30 s orchestrator grace period. */
export const shutdownTimeoutMs = 10_000;

export interface RunningServer {
  url: string;
  app: CairnApp;
  store: Store;
  /** The operator secret of this run (also in server.json for the CLI). */
  cliToken: string;
  /** Add steps here (e.g. flushing an ingestion buffer before 'store') before a signal arrives. */
  shutdown: ShutdownSequence;
}

/** The address the local CLI uses: a wildcard listen address is reached through loopback. */
export function localUrl(host: string, port: number): string {
  if (host === '0.0.0.0') return `http://127.0.0.1:${port}`;
  if (host === '::') return `http://[::1]:${port}`;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/**
 * app.close() stops listening and waits for open connections. A keep-alive connection whose request finished
 * after close() began would otherwise sit idle until the keep-alive timeout (72 s in Fastify), so sweep idle
 * connections until the server is closed. In-flight requests are never cut off.
 */
async function closeHttp(app: CairnApp): Promise<void> {
  const sweeper = setInterval(() => app.server.closeIdleConnections(), 100);
  try {
    await app.close();
  } finally {
    clearInterval(sweeper);
  }
}

/** Opens and migrates the store, serves the app, and announces the server to the CLI through server.json. */
export async function startServer(config: Config): Promise<RunningServer> {
  const store = await openStoreIn(config.dataDir);
  let app: CairnApp | undefined;
  try {
    await store.migrate();
    // A fresh secret per run: the CLI reads it from server.json, so nothing has to be configured for it.
    const cliToken = randomSecret(tokenPrefixes.cli);
    app = await buildApp({ config, store, cliToken });
    await app.listen({ host: config.host, port: config.port });
    const { port } = app.server.address() as AddressInfo;
    const url = localUrl(config.host, port);
    await writeServerFile(config.dataDir, { pid: process.pid, url, cliToken });
    const running = app;
    const shutdown = new ShutdownSequence(app.log)
      // Stops accepting connections and waits for in-flight requests (their writes are queued by then). The
      // app's onClose hooks run here too: the ingestion queue commits every accepted event in one of them.
      .add({ name: 'http', close: () => closeHttp(running) })
      // Waits for queued writes, checkpoints the WAL into the file and releases the file lock.
      .add({ name: 'store', close: () => store.close() })
      .add({ name: 'server-file', close: () => removeServerFile(config.dataDir, process.pid) });
    app.log.info({ url, dataDir: config.dataDir, pid: process.pid }, 'Cairn is listening');
    return { url, app, store, cliToken, shutdown };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}

/** Explains boot failures people can fix in one line each, instead of a stack trace. */
function bootFailureMessage(error: unknown, config: Config | undefined): string {
  if (error instanceof ConfigError || error instanceof StoreLockedError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE' && config) {
    return `Port ${config.port} on ${config.host} is already in use: stop the other process or set PORT.`;
  }
  if (code === 'EACCES' && config)
    return `No permission to listen on ${config.host}:${config.port} or to use ${config.dataDir}.`;
  return `Cairn could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/**
 * Boots the server and keeps it running until SIGTERM/SIGINT. Any failure before listening prints one clear
 * message and exits 1 (fail fast). `env` defaults to the process environment (read only in config.ts).
 */
export interface RunOptions {
  /** Load the demo world in the background when the store has no workspace yet (`cairn start --demo`). */
  demoOnFirstStart?: boolean;
}

export async function runServer(
  env?: Record<string, string | undefined>,
  options: RunOptions = {},
): Promise<void> {
  let config: Config | undefined;
  let server: RunningServer;
  try {
    config = loadConfig(env);
    server = await startServer(config);
  } catch (error) {
    process.stderr.write(`${bootFailureMessage(error, config)}\n`);
    process.exit(1);
  }
  if (options.demoOnFirstStart) void loadDemoOnFirstStart(server.app, server.store, server.cliToken);
  exitOnSignals(server.shutdown, {
    timeoutMs: shutdownTimeoutMs,
    log: server.app.log,
    exit: (code) => process.exit(code),
  });
}

/** True when this file is the program node was started with (`node dist/main.js`), not an import. */
function isEntryPoint(): boolean {
  try {
    return (
      process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
    );
  } catch {
    return false;
  }
}

if (isEntryPoint()) await runServer();
