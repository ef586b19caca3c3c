import { uuidv7 } from 'uuidv7';
import { CairnError, notFound } from '../../errors/catalogue.js';
import type { SegmentRecord } from '../../store/segment-port.js';
import { canManageSegments, canRunQueries, ensure } from '../access/permissions.js';
import { planFilters } from '../analytics/plan-query.js';
import type { DomainContext } from '../context.js';
import type { SegmentInput, SegmentPatch } from './segment-schema.js';

/**
 * Segments: named groups of customers by their current traits, used by survey targeting and as the `segment`
 * filter of queries. Membership is decided when asked, from the traits as they are then.
 */

const view = ({ workspaceId: _ws, ...rest }: SegmentRecord) => rest;

/** The same operator/value rules as query filters, with errors naming the condition. */
function checkConditions(conditions: SegmentInput['conditions']): void {
  planFilters(conditions, 'body.conditions');
}

async function requireFreeKey(ctx: DomainContext, workspaceId: string, key: string, except?: string) {
  const taken = (await ctx.store.segments.list(workspaceId)).find((s) => s.key === key && s.id !== except);
  if (taken)
    throw new CairnError('CAIRN_CONFLICT', { reason: `A segment with key "${key}" already exists.` });
}

export async function listSegments(ctx: DomainContext, workspaceId: string) {
  ensure(canRunQueries(ctx.actor, workspaceId), 'see segments');
  return { items: (await ctx.store.segments.list(workspaceId)).map(view) };
}

export async function createSegment(ctx: DomainContext, workspaceId: string, input: SegmentInput) {
  ensure(canManageSegments(ctx.actor, workspaceId), 'manage segments');
  checkConditions(input.conditions);
  await requireFreeKey(ctx, workspaceId, input.key);
  const now = ctx.now().toISOString();
  const record: SegmentRecord = {
    id: uuidv7(),
    workspaceId,
    key: input.key,
    name: input.name,
    description: input.description ?? '',
    conditions: input.conditions,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.segments.insert(record);
  return view(record);
}

export async function updateSegment(
  ctx: DomainContext,
  workspaceId: string,
  id: string,
  patch: SegmentPatch,
) {
  ensure(canManageSegments(ctx.actor, workspaceId), 'manage segments');
  const current = await ctx.store.segments.get(workspaceId, id);
  if (!current) throw notFound('Segment', id);
  if (patch.conditions) checkConditions(patch.conditions);
  if (patch.key && patch.key !== current.key) await requireFreeKey(ctx, workspaceId, patch.key, id);
  const next: SegmentRecord = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    updatedAt: ctx.now().toISOString(),
  };
  await ctx.store.segments.update(next);
  return view(next);
}

export async function deleteSegment(ctx: DomainContext, workspaceId: string, id: string) {
  ensure(canManageSegments(ctx.actor, workspaceId), 'manage segments');
  if (!(await ctx.store.segments.get(workspaceId, id))) throw notFound('Segment', id);
  await ctx.store.segments.remove(workspaceId, id);
}
