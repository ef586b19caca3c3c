import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { type Command, Option } from 'commander';
import { parse } from 'csv-parse';
import {
  type ImportMapping,
  parseColumnMappings,
  rowToMessage,
} from '../../domains/collect/import-mapping.js';
import { validateMessage } from '../../domains/collect/steps/validate.js';
import type { ApiClient } from '../api-client.js';
import { type CliContext, withApi } from '../context.js';
import { byteProgress } from '../progress.js';

interface ImportAnswer {
  stored: number;
  duplicates: number;
  rejected: { index: number; code: string; message: string }[];
}

interface Rejected {
  row: number;
  code: string;
  message: string;
}

interface Options {
  workspace: string;
  format?: 'csv' | 'ndjson';
  map: string[];
  type: string;
  event?: string;
  dryRun?: boolean;
  batchSize: string;
  rejects?: string;
}

/** Rows of the file, one object each, read as a stream so files larger than memory import fine. */
function rows(source: Readable, format: 'csv' | 'ndjson'): AsyncIterable<Record<string, unknown>> {
  if (format === 'csv')
    return source.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true }));
  return (async function* () {
    let line = 0;
    for await (const text of createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY })) {
      line++;
      if (text.trim() === '') continue;
      try {
        yield JSON.parse(text) as Record<string, unknown>;
      } catch {
        yield { __unparseable: `line ${line} is not valid JSON` };
      }
    }
  })();
}

async function send(api: ApiClient | null, workspace: string, batch: unknown[]): Promise<ImportAnswer> {
  if (!api) {
    // Dry run: the ingestion pipeline's own validation step, without storing anything.
    const rejected = batch.flatMap((message, index) => {
      const checked = validateMessage(message);
      return checked.ok ? [] : [{ index, code: 'CAIRN_INVALID_MESSAGE', message: checked.message }];
    });
    return { stored: batch.length - rejected.length, duplicates: 0, rejected };
  }
  return api.json<ImportAnswer>('POST', `/api/v1/workspaces/${encodeURIComponent(workspace)}/events/import`, {
    batch,
  });
}

async function importFile(
  ctx: CliContext,
  file: string,
  options: Options,
  api: ApiClient | null,
): Promise<void> {
  const format = options.format ?? (path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'ndjson');
  const mapping: ImportMapping = {
    columns: parseColumnMappings(options.map),
    type: options.type,
    event: options.event,
    unmapped: format === 'csv' ? 'properties' : 'keep',
  };
  const batchSize = Number(options.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new Error('--batch-size must be 1..10000.');
  const size = (await stat(file)).size;
  const source = createReadStream(file).pipe(byteProgress(ctx.io, `Importing ${path.basename(file)}`, size));
  const rejectsFile = options.rejects ?? `${file}.rejected.ndjson`;
  const rejects = createWriteStream(rejectsFile);
  const totals = { rows: 0, stored: 0, duplicates: 0, rejected: 0 };
  let batch: unknown[] = [];
  let firstRow = 1;
  const flush = async () => {
    if (batch.length === 0) return;
    const answer = await send(api, options.workspace, batch);
    totals.stored += answer.stored;
    totals.duplicates += answer.duplicates;
    totals.rejected += answer.rejected.length;
    for (const r of answer.rejected) {
      const rejected: Rejected = { row: firstRow + r.index, code: r.code, message: r.message };
      rejects.write(`${JSON.stringify(rejected)}\n`);
    }
    firstRow += batch.length;
    batch = [];
  };
  for await (const row of rows(source, format)) {
    totals.rows++;
    batch.push(row.__unparseable ? row : rowToMessage(row, mapping));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await new Promise((resolve) => rejects.end(resolve));
  const verb = api ? 'stored' : 'would be stored (dry run)';
  ctx.io.note(
    `${totals.rows} rows: ${totals.stored} ${verb}, ${totals.duplicates} already present, ${totals.rejected} rejected.`,
  );
  if (totals.rejected) ctx.io.note(`Rejected rows and reasons: ${rejectsFile}`);
  ctx.io.out(JSON.stringify(totals));
}

export function registerImportCommand(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'Import business events (orders, returns, tickets, calls, store visits) from a CSV or NDJSON file through ' +
        'the ingestion pipeline. Prints totals as JSON; rejected rows go to a report file with their reasons.',
    )
    .argument('<file>', 'CSV (header row) or NDJSON (one Segment message or object per line)')
    .requiredOption('--workspace <id>', 'workspace to import into')
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'ndjson']),
    )
    .option(
      '--map <column=target>',
      'where a column goes: messageId, userId, anonymousId, timestamp, event, type, properties.<x>, traits.<x>, context.<x> (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--type <type>', 'message type for rows that name none', 'track')
    .option('--event <name>', 'event name for track rows that name none, e.g. "Order Completed"')
    .option('--dry-run', 'check every row without storing anything')
    .option('--batch-size <n>', 'rows per request', '500')
    .option('--rejects <file>', 'where to write rejected rows (default: <file>.rejected.ndjson)')
    .action(async (file: string, options: Options) => {
      if (options.dryRun) return importFile(ctx, file, options, null);
      await withApi(ctx, (api) => importFile(ctx, file, options, api));
    });
}
