import { CairnError } from '../../errors/catalogue.js';
import type { Repos, UserRecord } from '../../store/port.js';
import type { DomainContext } from '../context.js';
import { decoyPasswordHash, randomSecret, sha256Hex, tokenPrefixes, verifyPassword } from './secrets.js';
import { type UserView, userView } from './users.js';

export interface StartedSession {
  user: UserView;
  /** The cookie value. Only its SHA-256 is stored, so a leaked database does not hand out live sessions. */
  sessionSecret: string;
  /** Echoed by the client in X-CSRF-Token on cookie-authenticated writes. */
  csrfToken: string;
  expiresAt: string;
}

const hourMs = 3_600_000;

/** Stores a new session for `user` through `repos` (a transaction's repos when part of a larger change). */
export async function startSession(
  repos: Pick<Repos, 'sessions'>,
  user: UserRecord,
  now: Date,
  ttlHours: number,
): Promise<StartedSession> {
  const sessionSecret = randomSecret(tokenPrefixes.session);
  const csrfToken = randomSecret('');
  const expiresAt = new Date(now.getTime() + ttlHours * hourMs).toISOString();
  await repos.sessions.insert({
    idHash: sha256Hex(sessionSecret),
    userId: user.id,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { user: userView(user), sessionSecret, csrfToken, expiresAt };
}

export interface LoginInput {
  email: string;
  password: string;
}

/**
 * Checks e-mail and password and starts a session. Unknown addresses are verified against a decoy hash, so the
 * response time does not tell an attacker which addresses have accounts; both failures give the same error.
 */
export async function login(
  ctx: DomainContext,
  input: LoginInput,
  ttlHours: number,
): Promise<StartedSession> {
  const user = await ctx.store.users.getByEmail(input.email.trim());
  const passwordHash = user?.passwordHash ?? (await decoyPasswordHash);
  const passwordMatches = await verifyPassword(passwordHash, input.password);
  if (!user || !passwordMatches) throw new CairnError('CAIRN_INVALID_CREDENTIALS');
  const now = ctx.now();
  // Expired sessions are useless but would pile up; sweeping on login keeps the table small without a timer.
  await ctx.store.sessions.removeExpired(now.toISOString());
  return startSession(ctx.store, user, now, ttlHours);
}

/** Deletes the session behind a cookie value; unknown or missing values are ignored (logging out twice is fine). */
export async function logout(ctx: DomainContext, sessionSecret: string | undefined): Promise<void> {
  if (sessionSecret) await ctx.store.sessions.remove(sha256Hex(sessionSecret));
}
