import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const webDir = path.join(repoRoot, 'packages/web');
export const webDistIndex = path.join(webDir, 'dist/index.html');
const lockDir = path.join(tmpdir(), 'cairn-web-build.lock');

async function mtimeOf(file: string): Promise<number> {
  return stat(file).then(
    (info) => info.mtimeMs,
    () => 0,
  );
}

async function newestSourceMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, await mtimeOf(path.join(entry.parentPath, entry.name)));
  }
  return newest;
}

/** Built and not older than any source file: a stale build would test yesterday's dashboard. */
async function buildIsCurrent(): Promise<boolean> {
  const built = await mtimeOf(webDistIndex);
  if (built === 0) return false;
  const sources = await Promise.all([
    newestSourceMtime(path.join(webDir, 'src')),
    newestSourceMtime(path.join(webDir, 'public')),
    mtimeOf(path.join(webDir, 'index.html')),
    mtimeOf(path.join(webDir, 'vite.config.ts')),
  ]);
  return Math.max(...sources) <= built;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the web package's build when packages/web/dist is missing or stale. Test files run in parallel workers,
 * so a lock directory (mkdir is atomic) makes the others wait instead of building into the same folder.
 */
export async function ensureDashboardBuilt(): Promise<void> {
  for (let waited = 0; waited < 180_000; waited += 500) {
    if (await buildIsCurrent()) return;
    const locked = await mkdir(lockDir).then(
      () => true,
      () => false,
    );
    if (locked) {
      try {
        if (!(await buildIsCurrent())) {
          await promisify(execFile)('npm', ['run', 'build', '-w', '@cairn/web'], { cwd: repoRoot });
        }
        return;
      } finally {
        await rm(lockDir, { recursive: true, force: true });
      }
    }
    await sleep(500);
  }
  throw new Error('Timed out waiting for another test worker to build packages/web');
}
