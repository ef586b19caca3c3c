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

/** Any signed-in person may create a workspace (and becomes its owner); workspace tokens may not. */
export function canCreateWorkspace(actor: Actor): boolean {
  return actor.kind === 'user' || actor.kind === 'operator';
}

/** Whole-instance operations (backup, restore) belong to the operator only. */
export function canOperateInstance(actor: Actor): boolean {
  return actor.kind === 'operator';
}
