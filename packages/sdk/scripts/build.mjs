// Bundles the browser SDK with esbuild (no runtime dependencies end up in the output):
//   dist/cairn.min.js              core, IIFE, sets window.cairn and replays the snippet's recorded calls
//   dist/cairn-web-vitals.min.js   lazily loaded extra, IIFE, registers itself on window.__cairnExtras
//   dist/cairn-survey.min.js       lazily loaded survey widget, IIFE, registers itself the same way
//   dist/snippet.min.js            the stub to paste into pages (see README.md)
//   dist/esm/                      ESM build for bundlers; extras are split into chunks loaded with import()
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutDir = path.join(packageDir, 'dist');
const src = (file) => path.join(packageDir, 'src', file);

// Browsers from 2020-21 on (Safari 15, Chrome 87, Firefox 78): optional chaining and ?? are native there.
const browserTarget = ['es2020', 'chrome87', 'firefox78', 'safari15'];
const shared = {
  bundle: true,
  minify: true,
  target: browserTarget,
  legalComments: 'none',
  logLevel: 'warning',
};

/** Tests build into their own temporary directory, so parallel test files never see a half-written dist/. */
export async function buildSdk(dist = defaultOutDir) {
  await rm(dist, { recursive: true, force: true });
  await Promise.all([
    build({
      ...shared,
      entryPoints: [src('entry-iife.ts')],
      format: 'iife',
      outfile: path.join(dist, 'cairn.min.js'),
    }),
    build({
      ...shared,
      entryPoints: [src('web-vitals/register.ts')],
      format: 'iife',
      outfile: path.join(dist, 'cairn-web-vitals.min.js'),
    }),
    build({
      ...shared,
      entryPoints: [src('survey/register.ts')],
      format: 'iife',
      outfile: path.join(dist, 'cairn-survey.min.js'),
    }),
    build({
      ...shared,
      entryPoints: [src('snippet/entry.ts')],
      format: 'iife',
      outfile: path.join(dist, 'snippet.min.js'),
    }),
    build({
      ...shared,
      minify: false,
      entryPoints: [src('index.ts')],
      format: 'esm',
      splitting: true,
      outdir: path.join(dist, 'esm'),
      target: 'es2020',
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSdk();
}
