import { forbidden } from '../../errors/catalogue.js';
import { type Actor, roleIn } from './actor.js';
import { type Role, roleRank } from './roles.js';

/**
 * Authorisation as named predicates, the only place that knows which role may do what.
 * Routes name the predicate they need; domain code calls the same predicates for resource-level checks.
 */
export type WorkspacePredicate = (actor: Actor, workspaceId: string) => boolean;

const roleAtLeast =
  (minimum: Role): WorkspacePredicate =>
  (actor, workspaceId) => {
    const role = roleIn(actor, workspaceId);
    return role !== null && roleRank(role) <= roleRank(minimum);
  };

const anyRole =
  (...allowed: Role[]): WorkspacePredicate =>
  (actor, workspaceId) => {
    const role = roleIn(actor, workspaceId);
    return role !== null && allowed.includes(role);
  };

/** Every member, whatever the role, may see the workspace itself. */
export const canReadWorkspace: WorkspacePredicate = roleAtLeast('viewer');
export const canUpdateWorkspace: WorkspacePredicate = roleAtLeast('admin');
export const canReadMembers: WorkspacePredicate = roleAtLeast('admin');
export const canManageMembers: WorkspacePredicate = roleAtLeast('admin');
export const canManageApiTokens: WorkspacePredicate = roleAtLeast('admin');
/** Analysts see write keys so they can instrument sites; only admins create or revoke them. */
export const canReadWriteKeys: WorkspacePredicate = anyRole('owner', 'admin', 'analyst');
export const canManageWriteKeys: WorkspacePredicate = roleAtLeast('admin');
export const canReadAuditLog: WorkspacePredicate = roleAtLeast('admin');

/** A role may hand out only roles at or below its own: an admin cannot mint an owner. */
export function canGrantRole(actor: Actor, workspaceId: string, role: Role): boolean {
  const own = roleIn(actor, workspaceId);
  return own !== null && roleRank(own) <= roleRank(role) && roleAtLeast('admin')(actor, workspaceId);
}

/**
 * May the actor change or take away something that carries `role` (a member's role, a token)? Only at or below
 * its own role, like granting: otherwise an admin could demote or remove an owner, or revoke an owner's token.
 */
export function canActOnRole(actor: Actor, workspaceId: string, role: Role): boolean {
  return canGrantRole(actor, workspaceId, role);
}

/** Any signed-in person may create a workspace (and becomes its owner); workspace tokens may not. */
export function canCreateWorkspace(actor: Actor): boolean {
  return actor.kind === 'user' || actor.kind === 'operator';
}

/** Whole-instance operations (backup, restore) belong to the operator only. */
export function canOperateInstance(actor: Actor): boolean {
  return actor.kind === 'operator';
}

/** Accounts are created by the operator (or implicitly when an admin adds a new member to a workspace). */
export function canCreateUsers(actor: Actor): boolean {
  return actor.kind === 'operator';
}

/** The operator acts as owner everywhere, so it sees every workspace rather than a list of memberships. */
export function canSeeEveryWorkspace(actor: Actor): boolean {
  return actor.kind === 'operator';
}

/**
 * Domain functions call this with a predicate's answer, so a rule holds even when a caller other than the
 * route (a worker, a future CLI command) reaches the function. `action` completes "You are not allowed to …".
 */
export function ensure(allowed: boolean, action: string): void {
  if (!allowed) throw forbidden(action);
}

/** Profiles hold personal data: viewers work with aggregates only. */
export const canReadProfiles: WorkspacePredicate = anyRole('owner', 'admin', 'analyst', 'agent');
/** Importing business events from other systems (orders, tickets, calls) is an administrative act. */
export const canImportEvents: WorkspacePredicate = roleAtLeast('admin');
/** Everyone in the workspace may see survey definitions and their aggregates. */
export const canReadSurveys: WorkspacePredicate = roleAtLeast('viewer');
/** Building, publishing, inviting: analysts and above. */
export const canManageSurveys: WorkspacePredicate = roleAtLeast('analyst');
/**
 * Single responses carry free text and profile links (personal data): analysts and above; agents work through
 * cases, viewers through aggregates.
 */
export const canReadResponses: WorkspacePredicate = roleAtLeast('analyst');
/** Analytics queries return aggregates only (no personal data), so every role, viewers included, may run them. */
export const canRunQueries: WorkspacePredicate = roleAtLeast('viewer');
/** The text-analytics taxonomy shapes every report on open text: analysts and above read and edit it. */
export const canManageTextTaxonomy: WorkspacePredicate = roleAtLeast('analyst');
/** Emerging topics show redacted key phrases from verbatims: analysts and above, like single responses. */
export const canReadTextInsights: WorkspacePredicate = roleAtLeast('analyst');
/** The touchpoint registry shapes every journey report, so analysts and above maintain it. */
export const canManageTouchpoints: WorkspacePredicate = roleAtLeast('analyst');
/** Deleting what a customer said (on request, or to correct a mistake) is an administrative act. */
export const canDeleteResponses: WorkspacePredicate = roleAtLeast('admin');
/** Importing historical survey responses writes what customers said, dated in the past: an administrative act. */
export const canImportResponses: WorkspacePredicate = roleAtLeast('admin');
/** Custom metrics appear in every KPI view that uses them, like the touchpoint registry: analysts and above. */
export const canManageCustomMetrics: WorkspacePredicate = roleAtLeast('analyst');
/** Journey definitions shape the journey map and stage reports: analysts and above, like touchpoints. */
export const canManageJourneys: WorkspacePredicate = roleAtLeast('analyst');
/** Segments target surveys and slice every report: analysts and above define them. */
export const canManageSegments: WorkspacePredicate = roleAtLeast('analyst');
