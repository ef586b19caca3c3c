import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { type GenerationStats, worldNdjson } from '../../domains/demo/world-stream.js';
import type { CliContext } from '../context.js';

export function positiveInteger(option: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new Error(`${option} ${value}: expected a whole number of at least 1.`);
  return parsed;
}

interface Options {
  events: string;
  seed: string;
  out: string;
  endDate?: string;
}

export function registerGenerateCommand(program: Command, ctx: CliContext): void {
  program
    .command('generate')
    .description(
      'Write the demo world as NDJSON for benchmarks: exactly N Segment messages (with explicit timestamps) plus ' +
        'survey responses as lines with "type":"survey_response" (docs/demo-world.md). Streams with bounded memory; ' +
        'prints events/s and peak memory at the end. Needs no store and no server.',
    )
    .requiredOption('--events <n>', 'number of Segment messages to write')
    .option('--seed <n>', 'seed of the world (same seed, same bytes)', '1')
    .requiredOption('--out <file>', 'output file ("-" for stdout)')
    .option('--end-date <date>', 'last day of the world (default: a day in December 2025 chosen by the seed)')
    .action(async (options: Options) => {
      const maxEvents = positiveInteger('--events', options.events);
      const seed = positiveInteger('--seed', options.seed);
      const stats: GenerationStats = { customers: 0, events: 0, surveyResponses: 0 };
      const bar = ctx.io.interactive
        ? new SingleBar(
            {
              format: 'Generating [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left',
              stream: process.stderr,
            },
            Presets.shades_classic,
          )
        : undefined;
      bar?.start(maxEvents, 0);
      const progress = new Transform({
        transform(chunk: string, _encoding, callback) {
          bar?.update(stats.events);
          callback(null, chunk);
        },
      });
      const started = performance.now();
      const source = Readable.from(
        worldNdjson({ seed, maxEvents, ...(options.endDate ? { endDate: options.endDate } : {}) }, stats),
      );
      // pipeline() honours backpressure: the generator is pulled only as fast as the file takes the bytes.
      const sink = options.out === '-' ? process.stdout : createWriteStream(options.out);
      try {
        await pipeline(source, progress, sink, { end: options.out !== '-' });
      } finally {
        bar?.stop();
      }
      const seconds = (performance.now() - started) / 1000;
      // maxRSS is reported in kilobytes (getrusage ru_maxrss on Linux).
      const peakMiB = process.resourceUsage().maxRSS / 1024;
      ctx.io.note(
        `${stats.events} events and ${stats.surveyResponses} survey responses from ${stats.customers} customers in ` +
          `${seconds.toFixed(1)} s: ${Math.round(stats.events / seconds)} events/s, peak RSS ${peakMiB.toFixed(0)} MiB.`,
      );
      ctx.io.out(
        JSON.stringify({
          ...stats,
          seconds: Number(seconds.toFixed(2)),
          eventsPerSecond: Math.round(stats.events / seconds),
          peakRssMiB: Math.round(peakMiB),
        }),
      );
    });
}
