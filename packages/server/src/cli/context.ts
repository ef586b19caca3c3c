import { type Config, loadConfig } from '../config.js';
import type { ApiClient } from './api-client.js';
import type { CliIo } from './io.js';
import { type Connection, connect } from './server-link.js';

export type Environment = Record<string, string | undefined>;

/** What every command gets: the environment, the configuration parsed from it, and I/O. */
export interface CliContext {
  /** undefined means the process environment (read only by config.ts). */
  env: Environment | undefined;
  /** Parsed when a command runs, so `--help` works even with a broken configuration. */
  config(): Config;
  io: CliIo;
}

export function cliContext(io: CliIo, env?: Environment): CliContext {
  let parsed: Config | undefined;
  return {
    env,
    io,
    config: () => {
      parsed ??= loadConfig(env);
      return parsed;
    },
  };
}

/** Runs `work` with a connection to Cairn and always releases it (in-process mode holds the store file). */
export async function withConnection<T>(
  ctx: CliContext,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await connect(ctx.config());
  try {
    return await work(connection);
  } finally {
    await connection.api.close();
  }
}

/** For commands that only call the API, whichever way it is reached. */
export function withApi<T>(ctx: CliContext, work: (api: ApiClient) => Promise<T>): Promise<T> {
  return withConnection(ctx, (connection) => work(connection.api));
}
