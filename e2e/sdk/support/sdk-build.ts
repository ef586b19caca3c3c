import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSdk } from '../../../packages/sdk/scripts/build.mjs';

/** Bundles the SDK from source into a private directory, so the tests always run the current code. */
export async function buildSdkForTest(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cairn-sdk-build-'));
  await buildSdk(dir);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
