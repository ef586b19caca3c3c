import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Things a person does in the dashboard, by visible labels and roles only (so the labels are tested too). */
export const steps = {
  async signIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  },

  async signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Cairn' }).waitFor();
  },

  async openNav(page: Page, name: string): Promise<void> {
    await page
      .getByRole('navigation', { name: 'Workspace navigation' })
      .getByRole('link', { name, exact: true })
      .click();
  },

  async heading(page: Page): Promise<string> {
    const h1 = page.getByRole('heading', { level: 1 });
    await h1.waitFor();
    return (await h1.textContent()) ?? '';
  },

  async expectHeading(page: Page, text: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
  },

  /** Runs fetch inside the page, so the request carries the page's session cookie like the dashboard's own. */
  async apiFromPage(
    page: Page,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    return page.evaluate(
      async ({ method, path, body }) => {
        const me = await fetch('/api/v1/me').then((r) => (r.ok ? r.json() : {}));
        const headers: Record<string, string> = {
          'x-csrf-token': (me as { csrfToken?: string }).csrfToken ?? '',
        };
        if (body !== undefined) headers['content-type'] = 'application/json';
        const res = await fetch(path, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        return { status: res.status, json: text ? JSON.parse(text) : null };
      },
      { method, path, body },
    );
  },

  /** `window.__xss` is what the injected payloads would set if any of them ran. */
  async expectNoScriptRan(page: Page): Promise<void> {
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main script, header script').count()).toBe(0);
  },
};
