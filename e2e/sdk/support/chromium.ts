import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium.js';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console messages of every page, e.g. the SDK's warnings. */
  consoleMessages: string[];
  close(): Promise<void>;
}

/** A fresh profile (cookies, localStorage) per call, so tests never see each other's identities or queues. */
export async function openBrowser(): Promise<BrowserSession> {
  // Chromium's own locale and window size: the SDK must work with whatever the visitor's browser has.
  const { context, close } = await launchChromium({ locale: undefined, viewport: undefined });
  const consoleMessages: string[] = [];
  context.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, consoleMessages, close };
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
