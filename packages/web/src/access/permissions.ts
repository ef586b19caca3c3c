import { type Role, roles } from '../api/types';
import type { SettingsPage, WorkspaceRoute } from '../routing/routes';

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
export const canRunQueries = atLeast('viewer');
export const canManageTouchpoints = atLeast('analyst');
export const canReadSurveys = atLeast('viewer');
export const canManageSurveys = atLeast('analyst');
export const canReadResponses = atLeast('analyst');
/** Agents answer customers, so they see profiles; viewers see aggregates only. */
export const canReadProfiles = (role: Role) => role !== 'viewer';

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

/** Whether a workspace screen is of any use to this role; navigation and the workspace switcher ask this. */
export function canOpenRoute(route: WorkspaceRoute, role: Role): boolean {
  switch (route.name) {
    case 'overview':
    case 'journeys':
    case 'touchpoints':
      return canRunQueries(role);
    case 'surveys':
    case 'survey':
      return canReadSurveys(role);
    case 'new-survey':
      return canManageSurveys(role);
    case 'responses':
      return canReadResponses(role);
    case 'profiles':
    case 'profile':
      return canReadProfiles(role);
    case 'settings':
      return canOpenSettingsPage(route.page, role);
  }
}
