import { describe, expect, it } from 'vitest';
import { roles } from '../api/types';
import { settingsPages } from '../routing/routes';
import {
  canManageMember,
  canManageMembers,
  canManageWriteKeys,
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
