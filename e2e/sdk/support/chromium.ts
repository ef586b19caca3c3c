import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; nothing in the test suite downloads a browser. */
export const chromiumPath = '/usr/bin/chromium';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console messages of every page, e.g. the SDK's warnings. */
  consoleMessages: string[];
  close(): Promise<void>;
}

/** A fresh profile (cookies, localStorage) per call, so tests never see each other's identities or queues. */
export async function openBrowser(): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'cairn-sdk-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const consoleMessages: string[] = [];
  context.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    consoleMessages,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Calls `window.cairn.<method>(...args)` in the page; `consent.grant` style names reach nested methods. */
export async function callCairn(page: Page, method: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    async ([name, callArgs]) => {
      type Callable = (...values: unknown[]) => unknown;
      let target: unknown = (globalThis as unknown as { cairn: unknown }).cairn;
      let owner: unknown = target;
      for (const part of name.split('.')) {
        owner = target;
        target = (target as Record<string, unknown>)[part];
      }
      return (target as Callable).apply(owner, callArgs);
    },
    [method, args] as const,
  );
}

/** Waits until the real SDK has replaced the snippet's stub. */
export async function waitForSdk(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const cairn = (globalThis as unknown as { cairn?: unknown }).cairn;
    return cairn !== undefined && !Array.isArray(cairn);
  });
}

/** The cookie string and the localStorage and sessionStorage keys of the current page. */
export async function deviceStorage(
  page: Page,
): Promise<{ cookie: string; localStorageKeys: string[]; sessionStorageKeys: string[] }> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as {
      document: { cookie: string };
      localStorage: object;
      sessionStorage: object;
    };
    return {
      cookie: scope.document.cookie,
      localStorageKeys: Object.keys(scope.localStorage),
      sessionStorageKeys: Object.keys(scope.sessionStorage),
    };
  });
}
