import type { Actor } from '../domains/access/actor.js';
import type { WorkspacePredicate } from '../domains/access/permissions.js';
import type { RouteAccess } from './context.js';

/** Short forms of the access rules routes declare in `config.access`. */
export const publicAccess: RouteAccess = { kind: 'public' };
export const authenticatedAccess: RouteAccess = { kind: 'authenticated' };

/** `action` completes "You are not allowed to …" in the 403 message. */
export const workspaceAccess = (predicate: WorkspacePredicate, action: string): RouteAccess => ({
  kind: 'workspace',
  predicate,
  action,
});

export const instanceAccess = (predicate: (actor: Actor) => boolean, action: string): RouteAccess => ({
  kind: 'instance',
  predicate,
  action,
});
