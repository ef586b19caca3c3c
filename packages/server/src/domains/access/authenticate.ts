import type { Store } from '../../store/port.js';
import { type Actor, anonymous } from './actor.js';
import { constantTimeEqual, sha256Hex } from './secrets.js';

export interface Credentials {
  bearer?: string | undefined;
  sessionCookie?: string | undefined;
}

export interface OperatorSecrets {
  adminToken?: string | undefined;
  /** Written by the running server into the data directory so the local CLI can talk to it. */
  cliToken?: string | undefined;
}

export interface Authentication {
  actor: Actor;
  /** Present for cookie sessions: cookie-authenticated writes must echo it (CSRF protection). */
  csrfToken?: string;
  /** True when credentials were sent but are not valid (expired, revoked, unknown). */
  rejected: boolean;
}

async function userActor(store: Store, userId: string, viaSession: boolean): Promise<Actor | null> {
  const user = await store.users.get(userId);
  if (!user) return null;
  const memberships = await store.memberships.listForUser(userId);
  return {
    kind: 'user',
    userId,
    email: user.email,
    roles: new Map(memberships.map((m) => [m.workspaceId, m.role])),
    viaSession,
  };
}

/**
 * lastUsedAt answers "is this token still in use?", which needs minutes, not milliseconds. Writing it at most once
 * a minute keeps busy tokens from turning every request into a write on the store's single writer.
 */
const lastUsedResolutionMs = 60_000;

/** Resolves request credentials to an actor. A bearer token wins over a cookie. */
export async function authenticate(
  store: Store,
  operator: OperatorSecrets,
  credentials: Credentials,
  now: Date,
): Promise<Authentication> {
  const { bearer, sessionCookie } = credentials;
  if (bearer) {
    if (operator.adminToken && constantTimeEqual(bearer, operator.adminToken)) {
      return { actor: { kind: 'operator', via: 'admin-token' }, rejected: false };
    }
    if (operator.cliToken && constantTimeEqual(bearer, operator.cliToken)) {
      return { actor: { kind: 'operator', via: 'cli' }, rejected: false };
    }
    const token = await store.apiTokens.getByHash(sha256Hex(bearer));
    if (!token || token.revokedAt) return { actor: anonymous, rejected: true };
    if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) >= lastUsedResolutionMs) {
      await store.apiTokens.touch(token.id, now.toISOString());
    }
    return {
      actor: { kind: 'api-token', tokenId: token.id, workspaceId: token.workspaceId, role: token.role },
      rejected: false,
    };
  }
  if (sessionCookie) {
    const session = await store.sessions.getByHash(sha256Hex(sessionCookie));
    if (!session || Date.parse(session.expiresAt) <= now.getTime())
      return { actor: anonymous, rejected: true };
    const actor = await userActor(store, session.userId, true);
    if (!actor) return { actor: anonymous, rejected: true };
    return { actor, csrfToken: session.csrfToken, rejected: false };
  }
  return { actor: anonymous, rejected: false };
}
