import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaScreens, hrefFor, inWorkspace, parseRoute, type Route, settingsPages } from './routes';

const workspaceId = '01934f5e-7b2a-7c3d-8e4f-123456789abc';

describe('route codec', () => {
  it('parses every screen of the dashboard', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/setup')).toEqual({ name: 'setup' });
    expect(parseRoute('/login/')).toEqual({ name: 'login' });
    expect(parseRoute('/workspaces/new')).toEqual({ name: 'new-workspace' });
    expect(parseRoute(`/w/${workspaceId}`)).toEqual({ name: 'overview', workspaceId });
    expect(parseRoute(`/w/${workspaceId}/settings/api-tokens`)).toEqual({
      name: 'settings',
      workspaceId,
      page: 'api-tokens',
    });
    expect(parseRoute(`/w/${workspaceId}/journeys`)).toEqual({ name: 'journeys', workspaceId });
    expect(parseRoute(`/w/${workspaceId}/surveys/new`)).toEqual({ name: 'new-survey', workspaceId });
    expect(parseRoute(`/w/${workspaceId}/surveys/${workspaceId}`)).toEqual({
      name: 'survey',
      workspaceId,
      surveyId: workspaceId,
    });
    expect(parseRoute(`/w/${workspaceId}/profiles/${workspaceId}/`)).toEqual({
      name: 'profile',
      workspaceId,
      profileId: workspaceId,
    });
  });

  it('sends anything else to not-found instead of guessing', () => {
    for (const path of [
      '/w',
      '/w/<script>',
      `/w/${workspaceId}/settings`,
      `/w/${workspaceId}/settings/x`,
      `/w/${workspaceId}/journeys/x`,
      `/w/${workspaceId}/profiles/new`,
      `/w/${workspaceId}/touchpoints/${workspaceId}`,
      '/api',
    ]) {
      expect(parseRoute(path)).toEqual({ name: 'not-found', path });
    }
    expect(parseRoute(`/w/${workspaceId}/settings/members/extra`).name).toBe('not-found');
  });

  it('round-trips every route through its URL', () => {
    const id = fc.uuid();
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.constantFrom<Route>(
        { name: 'home' },
        { name: 'setup' },
        { name: 'login' },
        { name: 'new-workspace' },
      ),
      id.map((workspaceId) => ({ name: 'overview' as const, workspaceId })),
      fc
        .tuple(id, fc.constantFrom(...settingsPages))
        .map(([workspaceId, page]) => ({ name: 'settings' as const, workspaceId, page })),
      fc.tuple(id, fc.constantFrom(...areaScreens)).map(([workspaceId, name]) => ({ name, workspaceId })),
      fc.tuple(id, id).map(([workspaceId, surveyId]) => ({ name: 'survey' as const, workspaceId, surveyId })),
      id.map((workspaceId) => ({ name: 'new-survey' as const, workspaceId })),
      fc
        .tuple(id, id)
        .map(([workspaceId, profileId]) => ({ name: 'profile' as const, workspaceId, profileId })),
    );
    fc.assert(
      fc.property(route, (r) => {
        expect(parseRoute(hrefFor(r))).toEqual(r);
      }),
    );
  });

  it('keeps the settings page when switching workspace and falls back to the overview otherwise', () => {
    const other = '01934f5e-0000-7000-8000-000000000000';
    expect(inWorkspace({ name: 'settings', workspaceId, page: 'members' }, other)).toEqual({
      name: 'settings',
      workspaceId: other,
      page: 'members',
    });
    expect(inWorkspace({ name: 'new-workspace' }, other)).toEqual({ name: 'overview', workspaceId: other });
    expect(inWorkspace({ name: 'journeys', workspaceId }, other)).toEqual({
      name: 'journeys',
      workspaceId: other,
    });
    expect(inWorkspace({ name: 'profile', workspaceId, profileId: workspaceId }, other)).toEqual({
      name: 'profiles',
      workspaceId: other,
    });
  });
});
