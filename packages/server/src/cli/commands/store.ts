import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { fileStamp } from '../../runtime/file-stamp.js';
import { type CliContext, withApi, withConnection } from '../context.js';
import { byteProgress } from '../progress.js';

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );
const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function registerStoreCommands(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('Apply pending store migrations (the server also applies them whenever it starts).')
    .action(async () => {
      await withConnection(ctx, async (connection) => {
        if (connection.mode === 'server') {
          ctx.io.note(
            `A server (pid ${connection.pid}) owns the store; it applied the migrations when it started.`,
          );
        } else if (connection.migrationsApplied.length === 0) {
          ctx.io.note(`${connection.storeFile} was already up to date.`);
        } else {
          for (const name of connection.migrationsApplied) ctx.io.out(name);
          ctx.io.note(
            `Applied ${connection.migrationsApplied.length} migration(s) to ${connection.storeFile}.`,
          );
        }
        // Readiness means "open and fully migrated": the API confirms what was just said.
        await connection.api.json('GET', '/readyz');
      });
    });

  program
    .command('backup')
    .description(
      'Write a consistent backup of the whole store to a file; works while the server runs. Prints the path.',
    )
    .option('--out <file>', 'where to write it (default: <data dir>/backups/cairn-<UTC timestamp>.duckdb)')
    .action(async (options: { out?: string }) => {
      const { dataDir } = ctx.config();
      const target = path.resolve(
        options.out ?? path.join(dataDir, 'backups', `cairn-${fileStamp(new Date())}.duckdb`),
      );
      if (await exists(target)) throw new Error(`${target} already exists: choose another --out.`);
      await mkdir(path.dirname(target), { recursive: true });
      // Written under another name first, so an interrupted backup never looks like a complete one.
      const partial = `${target}.partial`;
      await withApi(ctx, async (api) => {
        const { body, length } = await api.download('/api/v1/admin/backup');
        try {
          // 0600: a backup holds personal data and password hashes.
          await pipeline(
            body,
            byteProgress(ctx.io, 'Backup ', length),
            createWriteStream(partial, { mode: 0o600 }),
          );
        } catch (error) {
          await rm(partial, { force: true });
          throw error;
        }
      });
      await rename(partial, target);
      ctx.io.note(`Backup written (${mebibytes((await stat(target)).size)}).`);
      ctx.io.out(target);
    });

  program
    .command('restore')
    .description(
      'Replace ALL data with a backup file; works while the server runs. The replaced data is kept beside the store file.',
    )
    .argument('<file>', 'a backup written by `cairn backup` or POST /api/v1/admin/backup')
    .option('--yes', 'do not ask for confirmation (needed when not run from a terminal)')
    .action(async (file: string, options: { yes?: boolean }) => {
      const { dataDir } = ctx.config();
      const source = path.resolve(file);
      const size = await stat(source).then(
        (s) => s.size,
        () => {
          throw new Error(`There is no backup file at ${source}.`);
        },
      );
      if (!options.yes) {
        if (!ctx.io.interactive) throw new Error('restore replaces all data: pass --yes to confirm.');
        if (!(await ctx.io.confirm(`Replace all data in ${dataDir} with ${source}?`))) {
          ctx.io.note('Nothing was restored.');
          return;
        }
      }
      const result = await withApi(ctx, (api) => {
        const reading = createReadStream(source);
        const tracked = reading.pipe(byteProgress(ctx.io, 'Restore', size));
        reading.once('error', (error) => tracked.destroy(error));
        return api.upload<{ restored: true; previousDataKeptAt: string }>('/api/v1/admin/restore', tracked);
      });
      ctx.io.note(`Restored ${source}. The data it replaced is kept at ${result.previousDataKeptAt}.`);
    });
}
