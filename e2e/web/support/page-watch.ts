import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './dashboard-build.js';

export const screenshotDir = path.join(repoRoot, 'test-artifacts/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * Collects what must never happen on a page: uncaught exceptions, CSP violations and dialogs (an alert() from
 * hostile data that ran, or a native prompt the dashboard never uses; dismissed so the page goes on). Failed
 * resource loads are expected (GET /api/v1/me answers 401 while signed out) and are left out.
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) =>
    problems.push(
      `uncaught: ${error.message} (${error.stack?.split('\n').slice(1, 5).join(' ← ').trim() ?? 'no stack'})`,
    ),
  );
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) problems.push(text);
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

/** The workspace id in a dashboard URL such as /w/<id>/settings/members. */
export function workspaceIdOf(url: string): string {
  const id = new URL(url).pathname.split('/')[2];
  if (!id) throw new Error(`no workspace id in ${url}`);
  return id;
}
