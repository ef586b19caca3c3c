import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAccessCommands } from './commands/access.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerGenerateCommand } from './commands/generate.js';
import { registerImportCommand } from './commands/import.js';
import { registerStoreCommands } from './commands/store.js';
import type { CliContext } from './context.js';

/** The package's version, read from package.json (the same path from src/cli and dist/cli). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/**
 * The `cairn` command. Every command that touches data goes through the HTTP API: to the running server if
 * there is one, otherwise to an in-process app on the store file (see server-link.ts).
 */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('cairn')
    .description(
      'Cairn: self-hosted customer-experience management. Configure with environment variables (README).',
    )
    .version(packageVersion())
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: false });

  program
    .command('start')
    .description('Run the server on HOST:PORT with the store in CAIRN_DATA_DIR until SIGTERM or Ctrl-C.')
    .option('--demo', 'on a first start (no workspace yet), load the demo world in the background')
    .action(async (options: { demo?: boolean }) => {
      const { runServer } = await import('../main.js');
      await runServer(ctx.env, { demoOnFirstStart: options.demo === true });
    });

  registerStoreCommands(program, ctx);
  registerAccessCommands(program, ctx);
  registerImportCommand(program, ctx);
  registerDemoCommand(program, ctx);
  registerGenerateCommand(program, ctx);
  return program;
}
