import { uuidv7 } from 'uuidv7';
import { conflict } from '../../errors/catalogue.js';
import { UniqueViolationError, type UserRecord } from '../../store/port.js';
import type { DomainContext } from '../context.js';
import { recordAudit } from './audit.js';
import { canCreateUsers, ensure } from './permissions.js';
import { hashPassword } from './secrets.js';
import { normaliseEmail, validateLocale, validateName, validatePassword } from './validation.js';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  locale: string;
  createdAt: string;
}

export function userView(user: UserRecord): UserView {
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, createdAt: user.createdAt };
}

export interface NewUserInput {
  email: string;
  password: string;
  name?: string | undefined;
  locale?: string | undefined;
}

export const defaultUserLocale = 'de';

/**
 * Validates and hashes a new account, without storing it. Callers hash before opening a transaction: argon2 takes
 * tens of milliseconds, and a transaction holds the store's single writer for its whole duration.
 */
export async function prepareUser(input: NewUserInput, now: Date): Promise<UserRecord> {
  const email = normaliseEmail(input.email);
  const password = validatePassword(input.password);
  return {
    id: uuidv7(),
    email,
    name: validateName(input.name ?? '', 'body.name', false),
    locale: validateLocale(input.locale ?? defaultUserLocale, 'body.locale'),
    passwordHash: await hashPassword(password),
    createdAt: now.toISOString(),
  };
}

export const emailTaken = (email: string) =>
  conflict(`An account with the e-mail address ${email} exists already.`);

/** Maps the store's uniqueness error (two requests racing for one address) to the same conflict as the pre-check. */
export function conflictOnDuplicate(email: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof UniqueViolationError) throw emailTaken(email);
    throw error;
  };
}

/** Creates an account outside any workspace (operator only); workspaces are granted with addMember. */
export async function createUser(ctx: DomainContext, input: NewUserInput): Promise<UserView> {
  ensure(canCreateUsers(ctx.actor), 'create user accounts');
  const user = await prepareUser(input, ctx.now());
  await ctx.store
    .transaction(async (tx) => {
      if (await tx.users.getByEmail(user.email)) throw emailTaken(user.email);
      await tx.users.insert(user);
      await recordAudit(tx, ctx, {
        workspaceId: null,
        action: 'user.create',
        target: { type: 'user', id: user.id },
        details: { email: user.email },
      });
    })
    .catch(conflictOnDuplicate(user.email));
  return userView(user);
}
