import { uuidv7 } from 'uuidv7';
import { notFound } from '../../errors/catalogue.js';
import type { TouchpointRecord, TouchpointRule } from '../../store/analytics-port.js';
import { canManageTouchpoints, canRunQueries, ensure } from '../access/permissions.js';
import { invalidQuery } from '../analytics/parse-query.js';
import type { DomainContext } from '../context.js';
import type { TouchpointInput, TouchpointPatch } from './touchpoint-schema.js';

/**
 * The touchpoint registry. Events are not tagged when they arrive: queries map them by the current rules, so a
 * changed rule re-maps all history at once, with no backfill job and no downtime.
 */

function checkRules(rules: TouchpointRule[]): void {
  rules.forEach((rule, i) => {
    if (rule.event === undefined && rule.urlPattern === undefined) {
      throw invalidQuery([{ field: `body.rules.${i}`, message: 'must give event or urlPattern' }]);
    }
  });
}

const view = ({ workspaceId: _ws, ...rest }: TouchpointRecord) => rest;

export async function listTouchpoints(ctx: DomainContext, workspaceId: string) {
  ensure(canRunQueries(ctx.actor, workspaceId), 'see touchpoints');
  return { items: (await ctx.store.analytics.touchpoints.list(workspaceId)).map(view) };
}

export async function createTouchpoint(ctx: DomainContext, workspaceId: string, input: TouchpointInput) {
  ensure(canManageTouchpoints(ctx.actor, workspaceId), 'manage touchpoints');
  checkRules(input.rules);
  const existing = await ctx.store.analytics.touchpoints.list(workspaceId);
  const now = ctx.now().toISOString();
  const record: TouchpointRecord = {
    id: uuidv7(),
    workspaceId,
    name: input.name,
    channel: input.channel,
    stage: input.stage ?? null,
    ownerTeam: input.ownerTeam ?? null,
    description: input.description ?? '',
    rules: input.rules,
    position: input.position ?? existing.reduce((max, t) => Math.max(max, t.position + 1), 0),
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.analytics.touchpoints.insert(record);
  return view(record);
}

export async function updateTouchpoint(
  ctx: DomainContext,
  workspaceId: string,
  id: string,
  patch: TouchpointPatch,
) {
  ensure(canManageTouchpoints(ctx.actor, workspaceId), 'manage touchpoints');
  const current = await ctx.store.analytics.touchpoints.get(workspaceId, id);
  if (!current) throw notFound('Touchpoint', id);
  if (patch.rules) checkRules(patch.rules);
  const next: TouchpointRecord = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    updatedAt: ctx.now().toISOString(),
  };
  await ctx.store.analytics.touchpoints.update(next);
  return view(next);
}

export async function deleteTouchpoint(ctx: DomainContext, workspaceId: string, id: string) {
  ensure(canManageTouchpoints(ctx.actor, workspaceId), 'manage touchpoints');
  if (!(await ctx.store.analytics.touchpoints.get(workspaceId, id))) throw notFound('Touchpoint', id);
  await ctx.store.analytics.touchpoints.remove(workspaceId, id);
}
