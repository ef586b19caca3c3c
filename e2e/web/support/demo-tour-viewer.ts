import { expect } from 'vitest';
import { launchChromium } from '../../support/chromium.js';
import { surveyRowIn, tourViewer } from './demo-tour-world.js';
import { screenshot, watchForProblems } from './page-watch.js';
import { steps } from './steps.js';

/**
 * The demo tour's viewer, in a browser of their own: navigation offers only the aggregate screens, no screen shows a
 * control to create or change anything, and the admin addresses typed in directly show the role screen. The server
 * refuses the calls anyway (packages/server/src/http/role-matrix.test.ts); this checks that the dashboard never offers them.
 */
export async function expectViewerSeesNoAdminControls(baseUrl: string, workspaceId: string): Promise<void> {
  const screen = (path: string) => `${baseUrl}/w/${workspaceId}${path}`;
  const viewer = tourViewer;
  const viewerBrowser = await launchChromium();
  try {
    const vp = await viewerBrowser.context.newPage();
    const viewerProblems = watchForProblems(vp);
    await vp.goto(`${baseUrl}/login`);
    await steps.signIn(vp, viewer.email, viewer.password);
    await vp.getByRole('button', { name: 'Sign out' }).waitFor();
    const nav = vp.getByRole('navigation', { name: 'Workspace navigation' });
    // The navigation appears once the workspace list has loaded after sign-in: poll rather than read it once.
    await expect
      .poll(() => nav.getByRole('link').allTextContents())
      .toEqual(['Overview', 'Journeys', 'Touchpoints', 'Surveys']);
    await vp.goto(screen('/surveys'));
    await steps.expectHeading(vp, 'Surveys');
    await surveyRowIn(vp, 'CSAT nach Lieferung').waitFor();
    expect(await vp.getByRole('link', { name: 'New survey' }).count()).toBe(0);
    expect(await vp.getByRole('button', { name: /Pause|Publish|Close|Resume|Save/ }).count()).toBe(0);
    await screenshot(vp, 'tour-17-viewer-surveys');

    await vp.goto(screen('/touchpoints'));
    await steps.expectHeading(vp, 'Touchpoints');
    await vp.getByRole('rowheader', { name: 'Delivery', exact: true }).waitFor();
    expect(await vp.getByRole('button', { name: /^(New touchpoint|Edit|Delete)/ }).count()).toBe(0);

    await vp.goto(screen('/journeys?view=map'));
    await steps.expectHeading(vp, 'Journeys');
    await vp.getByRole('img', { name: /^Customers per stage: / }).waitFor({ timeout: 30_000 });
    expect(await vp.getByRole('button', { name: /^(New journey|Delete journey)/ }).count()).toBe(0);
    await screenshot(vp, 'tour-18-viewer-journeys');

    for (const path of ['/settings/members', '/surveys/new']) {
      await vp.goto(screen(path));
      await steps.expectHeading(vp, 'Not available with your role');
    }
    await screenshot(vp, 'tour-19-viewer-refused');
    await steps.expectNoScriptRan(vp);
    expect(viewerProblems).toEqual([]);
  } finally {
    await viewerBrowser.close();
  }
}
