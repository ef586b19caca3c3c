import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadDemoWorld } from '../../domains/demo/demo-loader.js';
import { type CliContext, withApi } from '../context.js';
import { positiveInteger } from './generate.js';

interface Options {
  customers: string;
  seed: string;
  endDate?: string;
  responses?: string;
}

export function registerDemoCommand(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description(
      'Create the workspace "Nordlicht Sport (Demo)" and load a generated year of a German sports retailer into it ' +
        '(events through the event import API; surveys and their responses, at their own time, through the ' +
        'response import API when the surveys API exists). ' +
        'See docs/demo-world.md. Prints the workspace id.',
    )
    .option('--customers <n>', 'customers to generate (about 30 events each)', '20000')
    .option('--seed <n>', 'seed of the world (same seed, same world)', '1')
    .option('--responses <n>', 'survey responses to import at most (an even sample; default: all)')
    .option('--end-date <date>', 'last day of the world (default: a day in December 2025 chosen by the seed)')
    .action(async (options: Options) => {
      const customers = positiveInteger('--customers', options.customers);
      const seed = positiveInteger('--seed', options.seed);
      const started = performance.now();
      const bar = ctx.io.interactive
        ? new SingleBar(
            {
              format: 'Loading demo [{bar}] {value}/{total} customers | {eta_formatted} left',
              stream: process.stderr,
            },
            Presets.shades_classic,
          )
        : undefined;
      bar?.start(customers, 0);
      const result = await withApi(ctx, (api) =>
        loadDemoWorld(api, {
          seed,
          customers,
          ...(options.responses ? { maxResponses: positiveInteger('--responses', options.responses) } : {}),
          ...(options.endDate ? { endDate: options.endDate } : {}),
          onProgress: (done) => bar?.update(done),
        }),
      ).finally(() => bar?.stop());
      const seconds = (performance.now() - started) / 1000;
      const { events, surveys } = result;
      ctx.io.note(
        `Loaded ${result.customers} customers: ${events.stored} events stored, ${events.duplicates} already present, ` +
          `${events.rejected} rejected, in ${seconds.toFixed(1)} s.`,
      );
      ctx.io.note(
        surveys.loaded
          ? `Surveys: ${surveys.surveys} created, ${surveys.responses} responses imported at their own time` +
              (surveys.duplicates ? `, ${surveys.duplicates} already present` : '') +
              ` (events ${result.seconds.events.toFixed(1)} s, surveys ${result.seconds.surveys.toFixed(1)} s).`
          : surveys.note,
      );
      ctx.io.out(result.workspaceId);
    });
}
