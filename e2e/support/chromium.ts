import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';

/** Debian's Chromium: nothing in the test run may download a browser. */
export const chromiumPath = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this machine refuses.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile per launch, so no cookie or stored language leaks from one test run into the next. */
export async function launchChromium(
  options: BrowserContextOptions & { extraArgs?: string[] } = {},
): Promise<Chromium> {
  const { extraArgs = [], ...contextOptions } = options;
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'cairn-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...extraArgs],
    locale: 'en-US',
    viewport: { width: 1280, height: 860 },
    ...contextOptions,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
