import { conflict, notFound } from '../../errors/catalogue.js';
import type { MembershipRecord, Repos, UserRecord } from '../../store/port.js';
import type { DomainContext } from '../context.js';
import { recordAudit } from './audit.js';
import { requireWorkspace } from './lookups.js';
import { canActOnRole, canGrantRole, canManageMembers, canReadMembers, ensure } from './permissions.js';
import type { Role } from './roles.js';
import { conflictOnDuplicate, prepareUser } from './users.js';
import { invalidInput, normaliseEmail } from './validation.js';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

function memberView(m: MembershipRecord, user: UserRecord): MemberView {
  return { userId: m.userId, email: user.email, name: user.name, role: m.role, createdAt: m.createdAt };
}

export async function listMembers(ctx: DomainContext, workspaceId: string): Promise<MemberView[]> {
  ensure(canReadMembers(ctx.actor, workspaceId), 'see the members of this workspace');
  await requireWorkspace(ctx.store, workspaceId);
  const memberships = await ctx.store.memberships.listForWorkspace(workspaceId);
  const users = new Map(
    (await ctx.store.users.listByIds(memberships.map((m) => m.userId))).map((u) => [u.id, u]),
  );
  return memberships.flatMap((m) => {
    const user = users.get(m.userId);
    return user ? [memberView(m, user)] : [];
  });
}

export interface NewMemberInput {
  email: string;
  role: Role;
  /** Used only when the address has no account yet; an existing account keeps its name and password. */
  name?: string | undefined;
  password?: string | undefined;
}

/** Grants `role` to the account with this address, creating the account when the address is new. */
export async function addMember(
  ctx: DomainContext,
  workspaceId: string,
  input: NewMemberInput,
): Promise<MemberView> {
  ensure(canManageMembers(ctx.actor, workspaceId), 'manage the members of this workspace');
  ensure(canGrantRole(ctx.actor, workspaceId, input.role), `grant the role ${input.role}`);
  const email = normaliseEmail(input.email);
  const workspace = await requireWorkspace(ctx.store, workspaceId);
  let newUser: UserRecord | null = null;
  if (!(await ctx.store.users.getByEmail(email))) {
    if (input.password === undefined) {
      throw invalidInput('body.password', 'is required when the e-mail address has no account yet');
    }
    newUser = await prepareUser(
      { email, password: input.password, name: input.name, locale: workspace.defaultLocale },
      ctx.now(),
    );
  }
  return ctx.store
    .transaction(async (tx) => {
      // Looked up again inside the transaction: the account may have been created since the check above.
      const existing = await tx.users.getByEmail(email);
      const user = existing ?? newUser;
      if (!user)
        throw invalidInput('body.password', 'is required when the e-mail address has no account yet');
      if (existing && (await tx.memberships.get(workspaceId, existing.id))) {
        throw conflict(`${existing.email} is a member of this workspace already; change the role instead.`);
      }
      if (!existing) {
        await tx.users.insert(user);
        await recordAudit(tx, ctx, {
          workspaceId,
          action: 'user.create',
          target: { type: 'user', id: user.id },
          details: { email: user.email },
        });
      }
      const membership = {
        workspaceId,
        userId: user.id,
        role: input.role,
        createdAt: ctx.now().toISOString(),
      };
      await tx.memberships.upsert(membership);
      await recordAudit(tx, ctx, {
        workspaceId,
        action: 'member.add',
        target: { type: 'user', id: user.id },
        details: { email: user.email, role: input.role, accountCreated: !existing },
      });
      return memberView(membership, user);
    })
    .catch(conflictOnDuplicate(email));
}

/** The membership and its user, or 404; and only members whose role the actor could grant may be changed. */
async function requireAlterableMember(ctx: DomainContext, tx: Repos, workspaceId: string, userId: string) {
  const membership = await tx.memberships.get(workspaceId, userId);
  const user = membership ? await tx.users.get(userId) : null;
  if (!membership || !user) throw notFound('Member', userId);
  ensure(
    canActOnRole(ctx.actor, workspaceId, membership.role),
    `change a member with the role ${membership.role}`,
  );
  return { membership, user };
}

/** A workspace without an owner could never again get one, so the last owner stays. */
async function ensureAnotherOwner(tx: Repos, workspaceId: string, leaving: MembershipRecord): Promise<void> {
  if (leaving.role !== 'owner') return;
  const owners = (await tx.memberships.listForWorkspace(workspaceId)).filter((m) => m.role === 'owner');
  if (owners.length <= 1) {
    throw conflict('This is the last owner of the workspace: make another member owner first.');
  }
}

export async function changeRole(
  ctx: DomainContext,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<MemberView> {
  ensure(canManageMembers(ctx.actor, workspaceId), 'manage the members of this workspace');
  ensure(canGrantRole(ctx.actor, workspaceId, role), `grant the role ${role}`);
  return ctx.store.transaction(async (tx) => {
    const { membership, user } = await requireAlterableMember(ctx, tx, workspaceId, userId);
    if (membership.role === role) return memberView(membership, user);
    if (role !== 'owner') await ensureAnotherOwner(tx, workspaceId, membership);
    const changed = { ...membership, role };
    await tx.memberships.upsert(changed);
    await recordAudit(tx, ctx, {
      workspaceId,
      action: 'member.role-change',
      target: { type: 'user', id: userId },
      details: { email: user.email, from: membership.role, to: role },
    });
    return memberView(changed, user);
  });
}

export async function removeMember(ctx: DomainContext, workspaceId: string, userId: string): Promise<void> {
  ensure(canManageMembers(ctx.actor, workspaceId), 'manage the members of this workspace');
  await ctx.store.transaction(async (tx) => {
    const { membership, user } = await requireAlterableMember(ctx, tx, workspaceId, userId);
    await ensureAnotherOwner(tx, workspaceId, membership);
    await tx.memberships.remove(workspaceId, userId);
    await recordAudit(tx, ctx, {
      workspaceId,
      action: 'member.remove',
      target: { type: 'user', id: userId },
      details: { email: user.email, role: membership.role },
    });
  });
}
