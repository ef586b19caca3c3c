import { uuidv7 } from 'uuidv7';
import type { AuditRecord, Page, Repos } from '../../store/port.js';
import type { DomainContext } from '../context.js';
import { type Actor, auditIdentity } from './actor.js';
import { requireWorkspace } from './lookups.js';
import { canReadAuditLog, ensure } from './permissions.js';

/** Every administrative action Cairn records. A closed list, so the log can be filtered and documented. */
export const auditActions = [
  'setup.complete',
  'workspace.create',
  'workspace.update',
  'member.add',
  'member.role-change',
  'member.remove',
  'user.create',
  'token.create',
  'token.revoke',
  'writeKey.create',
  'writeKey.revoke',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEvent {
  /** null for instance-wide actions (creating an account outside any workspace). */
  workspaceId: string | null;
  action: AuditAction;
  target: { type: string; id: string };
  /** What changed; never secrets (tokens, password hashes). */
  details?: Record<string, unknown>;
}

/**
 * Appends one entry through `repos`: pass the transaction's repos so the entry commits (or vanishes) together
 * with the change it records. `actor` overrides the context's actor where the actor only exists afterwards (setup).
 */
export async function recordAudit(
  repos: Repos,
  ctx: DomainContext,
  event: AuditEvent,
  actor: Actor = ctx.actor,
): Promise<void> {
  await repos.audit.append({
    id: uuidv7(),
    workspaceId: event.workspaceId,
    ...auditIdentity(actor),
    action: event.action,
    targetType: event.target.type,
    targetId: event.target.id,
    details: event.details ?? {},
    ip: ctx.ip,
    at: ctx.now().toISOString(),
  });
}

/** Newest first, `limit` per page; `cursor` is the previous page's nextCursor. */
export async function listAuditLog(
  ctx: DomainContext,
  workspaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<AuditRecord>> {
  ensure(canReadAuditLog(ctx.actor, workspaceId), 'read the audit log');
  await requireWorkspace(ctx.store, workspaceId);
  return ctx.store.audit.list(workspaceId, page);
}
