import { uuidv7 } from 'uuidv7';
import { notFound } from '../../errors/catalogue.js';
import type { WriteKeyRecord } from '../../store/port.js';
import type { DomainContext } from '../context.js';
import { recordAudit } from './audit.js';
import { requireWorkspace } from './lookups.js';
import { canManageWriteKeys, canReadWriteKeys, ensure } from './permissions.js';
import { randomSecret, tokenPrefixes } from './secrets.js';
import { validateName } from './validation.js';

/**
 * Write keys identify a workspace to the collection endpoints. They ship inside web pages and apps, so they are
 * public by design, stored as they are and listed in full; they can only send events, never read anything.
 */
export interface WriteKeyView {
  id: string;
  name: string;
  key: string;
  createdAt: string;
  revokedAt: string | null;
}

function writeKeyView(k: WriteKeyRecord): WriteKeyView {
  return { id: k.id, name: k.name, key: k.key, createdAt: k.createdAt, revokedAt: k.revokedAt };
}

export async function listWriteKeys(ctx: DomainContext, workspaceId: string): Promise<WriteKeyView[]> {
  ensure(canReadWriteKeys(ctx.actor, workspaceId), 'see the write keys of this workspace');
  await requireWorkspace(ctx.store, workspaceId);
  return (await ctx.store.writeKeys.listForWorkspace(workspaceId)).map(writeKeyView);
}

export async function createWriteKey(
  ctx: DomainContext,
  workspaceId: string,
  input: { name: string },
): Promise<Omit<WriteKeyView, 'revokedAt'>> {
  ensure(canManageWriteKeys(ctx.actor, workspaceId), 'manage the write keys of this workspace');
  const record: WriteKeyRecord = {
    id: uuidv7(),
    workspaceId,
    name: validateName(input.name, 'body.name', true),
    key: randomSecret(tokenPrefixes.writeKey),
    createdAt: ctx.now().toISOString(),
    revokedAt: null,
  };
  await ctx.store.transaction(async (tx) => {
    await requireWorkspace(tx, workspaceId);
    await tx.writeKeys.insert(record);
    await recordAudit(tx, ctx, {
      workspaceId,
      action: 'writeKey.create',
      target: { type: 'write-key', id: record.id },
      details: { name: record.name },
    });
  });
  const { id, name, key, createdAt } = record;
  return { id, name, key, createdAt };
}

/** Revoking twice is not an error; only the first revocation is recorded. */
export async function revokeWriteKey(ctx: DomainContext, workspaceId: string, keyId: string): Promise<void> {
  ensure(canManageWriteKeys(ctx.actor, workspaceId), 'manage the write keys of this workspace');
  await ctx.store.transaction(async (tx) => {
    const key = await tx.writeKeys.get(workspaceId, keyId);
    if (!key) throw notFound('Write key', keyId);
    if (key.revokedAt) return;
    await tx.writeKeys.revoke(workspaceId, keyId, ctx.now().toISOString());
    await recordAudit(tx, ctx, {
      workspaceId,
      action: 'writeKey.revoke',
      target: { type: 'write-key', id: keyId },
      details: { name: key.name },
    });
  });
}
