import { uuidv7 } from 'uuidv7';
import { notFound } from '../../errors/catalogue.js';
import type { ApiTokenRecord } from '../../store/port.js';
import type { DomainContext } from '../context.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { requireWorkspace } from './lookups.js';
import { canActOnRole, canGrantRole, canManageApiTokens, ensure } from './permissions.js';
import type { Role } from './roles.js';
import { randomSecret, sha256Hex, tokenPrefixes } from './secrets.js';
import { validateName } from './validation.js';

/** A token as lists show it: the prefix tells tokens apart; the token itself is never stored or shown again. */
export interface ApiTokenView {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  /** The bearer secret, returned exactly once. */
  token: string;
}

/** `cairn_pat_` plus six random characters: enough to recognise a token, far too little to guess the rest. */
const displayPrefixLength = tokenPrefixes.apiToken.length + 6;

function tokenView(t: ApiTokenRecord): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    prefix: t.prefix,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}

/** Who minted a token: a person, or the token that was used to mint it; the operator has no id. */
function creatorId(actor: Actor): string | null {
  if (actor.kind === 'user') return actor.userId;
  if (actor.kind === 'api-token') return actor.tokenId;
  return null;
}

export async function listApiTokens(ctx: DomainContext, workspaceId: string): Promise<ApiTokenView[]> {
  ensure(canManageApiTokens(ctx.actor, workspaceId), 'manage API tokens of this workspace');
  await requireWorkspace(ctx.store, workspaceId);
  return (await ctx.store.apiTokens.listForWorkspace(workspaceId)).map(tokenView);
}

export async function createApiToken(
  ctx: DomainContext,
  workspaceId: string,
  input: { name: string; role: Role },
): Promise<CreatedApiToken> {
  ensure(canManageApiTokens(ctx.actor, workspaceId), 'manage API tokens of this workspace');
  ensure(canGrantRole(ctx.actor, workspaceId, input.role), `create tokens with the role ${input.role}`);
  const token = randomSecret(tokenPrefixes.apiToken);
  const record: ApiTokenRecord = {
    id: uuidv7(),
    workspaceId,
    name: validateName(input.name, 'body.name', true),
    role: input.role,
    tokenHash: sha256Hex(token),
    prefix: token.slice(0, displayPrefixLength),
    createdBy: creatorId(ctx.actor),
    createdAt: ctx.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await ctx.store.transaction(async (tx) => {
    await requireWorkspace(tx, workspaceId);
    await tx.apiTokens.insert(record);
    await recordAudit(tx, ctx, {
      workspaceId,
      action: 'token.create',
      target: { type: 'api-token', id: record.id },
      details: { name: record.name, role: record.role, prefix: record.prefix },
    });
  });
  const { id, name, role, prefix, createdAt } = record;
  return { id, name, role, prefix, createdAt, token };
}

/** Revoking twice is not an error; only the first revocation is recorded. */
export async function revokeApiToken(
  ctx: DomainContext,
  workspaceId: string,
  tokenId: string,
): Promise<void> {
  ensure(canManageApiTokens(ctx.actor, workspaceId), 'manage API tokens of this workspace');
  await ctx.store.transaction(async (tx) => {
    const token = await tx.apiTokens.get(workspaceId, tokenId);
    if (!token) throw notFound('API token', tokenId);
    ensure(canActOnRole(ctx.actor, workspaceId, token.role), `revoke tokens with the role ${token.role}`);
    if (token.revokedAt) return;
    await tx.apiTokens.revoke(workspaceId, tokenId, ctx.now().toISOString());
    await recordAudit(tx, ctx, {
      workspaceId,
      action: 'token.revoke',
      target: { type: 'api-token', id: tokenId },
      details: { name: token.name, role: token.role, prefix: token.prefix },
    });
  });
}
