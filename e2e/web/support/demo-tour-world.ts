import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadDemoWorld } from '../../../packages/server/src/domains/demo/demo-loader.js';
import { injectApi } from '../../../packages/server/src/test-support/inject-api.js';
import { adminHeaders } from '../../../packages/server/src/test-support/test-app.js';
import { unlabelledControls } from './accessibility.js';
import type { LiveServer } from './live-server.js';
import { screenshot } from './page-watch.js';
import { steps } from './steps.js';

/** The people and names of the demo tour (e2e/web/demo-tour.test.ts); names as the demo loader creates them. */
export const tourOwner = {
  email: 'owner@example.com',
  password: 'owner passphrase 2026',
  name: 'Olga Owner',
};
export const tourViewer = {
  email: 'viewer@example.com',
  password: 'viewer passphrase 2026',
  name: 'Vera Viewer',
};
export const demoWorkspaceName = 'Nordlicht Sport (Demo)';
/** The stages of the demo's "Nordlicht customer journey" (packages/server/src/domains/demo/world-setup.ts). */
export const demoStages = ['Discover', 'Consider', 'Purchase', 'Deliver', 'Service', 'Loyalty'];
/** The four demo surveys (packages/server/src/domains/demo/survey-definitions.ts). */
export const demoSurveys = [
  'NPS Beziehung (quartalsweise)',
  'CSAT nach Lieferung',
  'CSAT nach Kundenservice',
  'CES und CSAT nach dem Kauf',
];

/**
 * A fresh store with an owner (first-run setup, own "Home" workspace) and the demo world loaded in-process by the
 * same loader as `cairn demo`: seed 1, 300 customers, ending today so the default "last 30 days" has data. The
 * loader creates its workspace with the admin token, so the owner and a viewer are made members afterwards.
 */
export async function seedDemoTour(server: LiveServer): Promise<{ workspaceId: string }> {
  const post = async (url: string, payload: object, headers: Record<string, string> = adminHeaders) => {
    const res = await server.app.app.inject({ method: 'POST', url, headers, payload });
    if (res.statusCode >= 300) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
  };
  await post('/api/v1/setup', { ...tourOwner, workspaceName: 'Home' }, {});
  const today = new Date().toISOString().slice(0, 10);
  const demo = await loadDemoWorld(injectApi(server.app), { seed: 1, customers: 300, endDate: today });
  const members = `/api/v1/workspaces/${demo.workspaceId}/members`;
  await post(members, { email: tourOwner.email, role: 'owner' });
  await post(members, { ...tourViewer, role: 'viewer' });
  return { workspaceId: demo.workspaceId };
}

/** A row of the surveys list, found by the survey's link (names are exact, some contain brackets). */
export const surveyRowIn = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

/**
 * What must hold on every screen once its data is in: no error alert shown, nothing logged or run from data,
 * every form control labelled. Then the full-page screenshot test-artifacts/screenshots/tour-<nn>-<name>.png.
 */
export async function expectSoundScreen(
  page: Page,
  problems: string[],
  nn: string,
  name: string,
): Promise<void> {
  expect(await page.getByRole('alert').allTextContents()).toEqual([]);
  expect(await unlabelledControls(page)).toEqual([]);
  await steps.expectNoScriptRan(page);
  expect(problems).toEqual([]);
  await screenshot(page, `tour-${nn}-${name}`);
}
