import { describe, expect, it } from 'vitest';
import { roles } from '../api/types';
import { areaScreens, settingsPages } from '../routing/routes';
import {
  canManageMember,
  canManageMembers,
  canManageWriteKeys,
  canOpenRoute,
  canOpenSettingsPage,
  canReadWriteKeys,
  grantableRoles,
} from './permissions';

describe('role-aware controls', () => {
  it('gives member and key management to owners and admins only', () => {
    expect(roles.filter(canManageMembers)).toEqual(['owner', 'admin']);
    expect(roles.filter(canManageWriteKeys)).toEqual(['owner', 'admin']);
    expect(roles.filter(canReadWriteKeys)).toEqual(['owner', 'admin', 'analyst']);
  });

  it('lets a role grant only roles at or below its own', () => {
    expect(grantableRoles('owner')).toEqual(['owner', 'admin', 'analyst', 'agent', 'viewer']);
    expect(grantableRoles('admin')).toEqual(['admin', 'analyst', 'agent', 'viewer']);
    expect(grantableRoles('analyst')).toEqual([]);
    expect(grantableRoles('viewer')).toEqual([]);
  });

  it('never lets an admin touch an owner', () => {
    expect(canManageMember('admin', 'owner')).toBe(false);
    expect(canManageMember('admin', 'viewer')).toBe(true);
    expect(canManageMember('owner', 'owner')).toBe(true);
    expect(canManageMember('viewer', 'viewer')).toBe(false);
  });
});

describe('settings pages per role', () => {
  it('shows a viewer no settings page and an analyst only the write keys', () => {
    expect(settingsPages.filter((page) => canOpenSettingsPage(page, 'viewer'))).toEqual([]);
    expect(settingsPages.filter((page) => canOpenSettingsPage(page, 'agent'))).toEqual([]);
    expect(settingsPages.filter((page) => canOpenSettingsPage(page, 'analyst'))).toEqual(['write-keys']);
    expect(settingsPages.filter((page) => canOpenSettingsPage(page, 'admin'))).toEqual([...settingsPages]);
  });
});

describe('workspace screens per role', () => {
  const workspaceId = '01934f5e-7b2a-7c3d-8e4f-123456789abc';
  const screensFor = (role: (typeof roles)[number]) =>
    areaScreens.filter((name) => canOpenRoute({ name, workspaceId }, role));

  it('keeps responses from viewers and agents and profiles from viewers', () => {
    expect(screensFor('viewer')).toEqual(['journeys', 'touchpoints', 'surveys']);
    expect(screensFor('agent')).toEqual(['journeys', 'touchpoints', 'surveys', 'profiles']);
    expect(screensFor('analyst')).toEqual([...areaScreens]);
  });

  it('lets only analysts and above open the survey builder', () => {
    expect(roles.filter((role) => canOpenRoute({ name: 'new-survey', workspaceId }, role))).toEqual([
      'owner',
      'admin',
      'analyst',
    ]);
  });
});
