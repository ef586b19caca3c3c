// Prints the gzipped size of every browser bundle and fails when one exceeds its budget
// (design guide §4b.6: the tracker core must stay at or below 10 KB gzipped; extras load lazily and have their
// own budgets so they cannot grow unnoticed either).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
/** Budgets in gzipped bytes; a file without one is only reported. */
const budgets = {
  'cairn.min.js': 10 * 1024,
  'cairn-survey.min.js': 12 * 1024,
  'cairn-web-vitals.min.js': undefined,
  'snippet.min.js': undefined,
};

const over = [];
for (const [file, budget] of Object.entries(budgets)) {
  const bytes = await readFile(path.join(dist, file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const verdict = budget === undefined ? '' : ` (budget ${budget}: ${gzipped <= budget ? 'ok' : 'OVER'})`;
  console.log(
    `${file.padEnd(26)} ${String(bytes.length).padStart(7)} B  ${String(gzipped).padStart(6)} B gzip${verdict}`,
  );
  if (budget !== undefined && gzipped > budget) over.push(file);
}
if (over.length > 0) {
  console.error(`size check failed: over budget: ${over.join(', ')}`);
  process.exit(1);
}
