import { uuidv7 } from 'uuidv7';
import type { WorkspaceRecord } from '../../store/port.js';
import type { DomainContext } from '../context.js';
import { roleIn } from './actor.js';
import { recordAudit } from './audit.js';
import { requireWorkspace } from './lookups.js';
import {
  canCreateWorkspace,
  canReadWorkspace,
  canSeeEveryWorkspace,
  canUpdateWorkspace,
  ensure,
} from './permissions.js';
import type { Role } from './roles.js';
import { invalidInput, validateLocale, validateName, validateTimeZone } from './validation.js';

/** Cairn's first users are German CX teams; both defaults are overridable per workspace. */
export const defaultTimeZone = 'Europe/Berlin';
export const defaultWorkspaceLocale = 'de';

export interface WorkspaceInput {
  name: string;
  timeZone?: string | undefined;
  defaultLocale?: string | undefined;
  requireConsent?: boolean | undefined;
}

export type WorkspacePatch = Partial<WorkspaceInput>;

export type WorkspaceWithRole = WorkspaceRecord & { role: Role };

/** A validated, not yet stored workspace record (setup builds one too). */
export function newWorkspaceRecord(
  input: WorkspaceInput,
  now: Date,
  nameField = 'body.name',
): WorkspaceRecord {
  return {
    id: uuidv7(),
    name: validateName(input.name, nameField, true),
    timeZone: validateTimeZone(input.timeZone ?? defaultTimeZone),
    defaultLocale: validateLocale(input.defaultLocale ?? defaultWorkspaceLocale),
    requireConsent: input.requireConsent ?? false,
    createdAt: now.toISOString(),
  };
}

/** Creates a workspace; a signed-in creator becomes its owner (the operator is owner everywhere already). */
export async function createWorkspace(ctx: DomainContext, input: WorkspaceInput): Promise<WorkspaceRecord> {
  ensure(canCreateWorkspace(ctx.actor), 'create workspaces');
  const workspace = newWorkspaceRecord(input, ctx.now());
  const { actor } = ctx;
  await ctx.store.transaction(async (tx) => {
    await tx.workspaces.insert(workspace);
    if (actor.kind === 'user') {
      await tx.memberships.upsert({
        workspaceId: workspace.id,
        userId: actor.userId,
        role: 'owner',
        createdAt: workspace.createdAt,
      });
    }
    await recordAudit(tx, ctx, {
      workspaceId: workspace.id,
      action: 'workspace.create',
      target: { type: 'workspace', id: workspace.id },
      details: { name: workspace.name, timeZone: workspace.timeZone, defaultLocale: workspace.defaultLocale },
    });
  });
  return workspace;
}

export async function getWorkspace(ctx: DomainContext, id: string): Promise<WorkspaceRecord> {
  ensure(canReadWorkspace(ctx.actor, id), 'see this workspace');
  return requireWorkspace(ctx.store, id);
}

/** The workspaces the actor can act in, each with the actor's role there. */
export async function listWorkspacesFor(ctx: DomainContext): Promise<WorkspaceWithRole[]> {
  const { actor, store } = ctx;
  let workspaces: WorkspaceRecord[];
  if (canSeeEveryWorkspace(actor)) workspaces = await store.workspaces.listAll();
  else if (actor.kind === 'user') workspaces = await store.workspaces.listByIds([...actor.roles.keys()]);
  else if (actor.kind === 'api-token') workspaces = await store.workspaces.listByIds([actor.workspaceId]);
  else workspaces = [];
  return workspaces.flatMap((ws) => {
    const role = roleIn(actor, ws.id);
    return role ? [{ ...ws, role }] : [];
  });
}

export async function updateWorkspace(
  ctx: DomainContext,
  id: string,
  patch: WorkspacePatch,
): Promise<WorkspaceRecord> {
  ensure(canUpdateWorkspace(ctx.actor, id), 'change this workspace');
  const changes = {
    ...(patch.name === undefined ? {} : { name: validateName(patch.name, 'body.name', true) }),
    ...(patch.timeZone === undefined ? {} : { timeZone: validateTimeZone(patch.timeZone) }),
    ...(patch.defaultLocale === undefined ? {} : { defaultLocale: validateLocale(patch.defaultLocale) }),
    ...(patch.requireConsent === undefined ? {} : { requireConsent: patch.requireConsent }),
  };
  if (Object.keys(changes).length === 0) {
    throw invalidInput('body', 'must contain at least one of name, timeZone, defaultLocale, requireConsent');
  }
  return ctx.store.transaction(async (tx) => {
    const before = await requireWorkspace(tx, id);
    await tx.workspaces.update(id, changes);
    const from = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof changes]]));
    await recordAudit(tx, ctx, {
      workspaceId: id,
      action: 'workspace.update',
      target: { type: 'workspace', id },
      details: { from, to: changes },
    });
    return { ...before, ...changes };
  });
}
