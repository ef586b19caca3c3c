import { type Role, roles } from '../api/types';
import type { SettingsPage } from '../routing/routes';

/**
 * What a role may do, mirroring the server's named predicates (packages/server/src/domains/access/permissions.ts).
 * The server decides; the dashboard only uses these to hide controls a person cannot use.
 */
const rank = (role: Role) => roles.indexOf(role);
const atLeast = (minimum: Role) => (role: Role) => rank(role) <= rank(minimum);

export const canUpdateWorkspace = atLeast('admin');
export const canManageMembers = atLeast('admin');
export const canManageApiTokens = atLeast('admin');
/** Analysts see write keys so they can instrument sites; only admins create or revoke them. */
export const canReadWriteKeys = (role: Role) => role === 'owner' || role === 'admin' || role === 'analyst';
export const canManageWriteKeys = atLeast('admin');

/** Roles this role may hand out (to members or tokens): its own and the ones below, and only from admin up. */
export function grantableRoles(role: Role): Role[] {
  if (!canManageMembers(role)) return [];
  return roles.filter((candidate) => rank(candidate) >= rank(role));
}

/** Whether someone with `own` may change or remove a member holding `target` (never someone above them). */
export function canManageMember(own: Role, target: Role): boolean {
  return canManageMembers(own) && rank(target) >= rank(own);
}

const settingsPageRules: Record<SettingsPage, (role: Role) => boolean> = {
  members: canManageMembers,
  'api-tokens': canManageApiTokens,
  'write-keys': canReadWriteKeys,
  workspace: canUpdateWorkspace,
};

/** Whether a settings page is of any use to this role; navigation lists only those. */
export function canOpenSettingsPage(page: SettingsPage, role: Role): boolean {
  return settingsPageRules[page](role);
}
