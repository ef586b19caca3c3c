import type { Role } from './roles.js';

/**
 * Who is making a request. Resolved once per request by the HTTP layer and passed to domain functions,
 * which decide with the named predicates in permissions.ts.
 */
export type Actor =
  | { kind: 'anonymous' }
  /** A signed-in person; roles are their memberships, keyed by workspace id. */
  | { kind: 'user'; userId: string; email: string; roles: ReadonlyMap<string, Role>; viaSession: boolean }
  /** A bearer API token: one role in one workspace. */
  | { kind: 'api-token'; tokenId: string; workspaceId: string; role: Role }
  /** The operator: CAIRN_ADMIN_TOKEN, or the CLI talking to a running server. Owner everywhere. */
  | { kind: 'operator'; via: 'admin-token' | 'cli' };

export const anonymous: Actor = { kind: 'anonymous' };

/** The actor's role in a workspace, or null when it has none there. */
export function roleIn(actor: Actor, workspaceId: string): Role | null {
  switch (actor.kind) {
    case 'operator':
      return 'owner';
    case 'user':
      return actor.roles.get(workspaceId) ?? null;
    case 'api-token':
      return actor.workspaceId === workspaceId ? actor.role : null;
    case 'anonymous':
      return null;
  }
}

/** How the audit log names an actor. */
export function auditIdentity(actor: Actor): {
  actorType: 'user' | 'api-token' | 'admin-token' | 'system';
  actorId: string | null;
} {
  switch (actor.kind) {
    case 'user':
      return { actorType: 'user', actorId: actor.userId };
    case 'api-token':
      return { actorType: 'api-token', actorId: actor.tokenId };
    case 'operator':
      return { actorType: actor.via === 'admin-token' ? 'admin-token' : 'system', actorId: actor.via };
    case 'anonymous':
      return { actorType: 'system', actorId: null };
  }
}
