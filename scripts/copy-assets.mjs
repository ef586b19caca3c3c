#!/usr/bin/env node
// Copies non-TypeScript files the compiled code reads at run time (e.g. SQL migrations) from a source tree to
// the build output, keeping relative paths: tsc only emits .js, so without this dist/ would lack them.
// Usage (from a package folder): node ../../scripts/copy-assets.mjs <from> <to> <extension>...
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

const [from, to, ...extensions] = process.argv.slice(2);
if (!from || !to || extensions.length === 0) {
  console.error('usage: copy-assets.mjs <from> <to> <extension>...   e.g. copy-assets.mjs src dist sql');
  process.exit(2);
}
const wanted = new Set(extensions.map((e) => `.${e.replace(/^\./, '')}`));

const entries = await readdir(from, { recursive: true, withFileTypes: true });
let copied = 0;
for (const entry of entries) {
  if (!entry.isFile() || !wanted.has(path.extname(entry.name))) continue;
  // `parentPath` arrived in Node 20.12; `path` is its older name.
  const source = path.join(entry.parentPath ?? entry.path, entry.name);
  const target = path.join(to, path.relative(from, source));
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(source, target);
  copied++;
}
console.log(`copy-assets: ${copied} file(s) (${[...wanted].join(', ')}) from ${from} to ${to}`);
