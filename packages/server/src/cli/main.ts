#!/usr/bin/env node
import { ConfigError } from '../config.js';
import { StoreLockedError } from '../runtime/store-file.js';
import { ApiError } from './api-client.js';
import { cliContext } from './context.js';
import { terminalIo } from './io.js';
import { createProgram } from './program.js';

/** Expected failures print one line a person can act on; programming errors also get their stack for a bug report. */
function describe(error: unknown): string {
  if (error instanceof ApiError) return `Error (${error.code}): ${error.message}`;
  if (error instanceof ConfigError || error instanceof StoreLockedError) return error.message;
  if (error instanceof TypeError || error instanceof ReferenceError) return error.stack ?? error.message;
  return `Error: ${error instanceof Error ? error.message : String(error)}`;
}

const io = terminalIo();
try {
  await createProgram(cliContext(io)).parseAsync(process.argv);
} catch (error) {
  io.note(describe(error));
  process.exitCode = 1;
}
