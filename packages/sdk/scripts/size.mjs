// Prints the gzipped size of every browser bundle and fails when the core exceeds its budget
// (design guide §4b.6: the tracker core must stay at or below 10 KB gzipped; extras load lazily).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const coreBudgetBytes = 10 * 1024;
const files = ['cairn.min.js', 'cairn-web-vitals.min.js', 'snippet.min.js'];

let failed = false;
for (const file of files) {
  const bytes = await readFile(path.join(dist, file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const isCore = file === 'cairn.min.js';
  const verdict = isCore
    ? gzipped <= coreBudgetBytes
      ? ' (budget 10240: ok)'
      : ' (budget 10240: OVER)'
    : '';
  console.log(
    `${file.padEnd(26)} ${String(bytes.length).padStart(7)} B  ${String(gzipped).padStart(6)} B gzip${verdict}`,
  );
  if (isCore && gzipped > coreBudgetBytes) failed = true;
}
if (failed) {
  console.error('size check failed: the core bundle is over 10 KB gzipped');
  process.exit(1);
}
