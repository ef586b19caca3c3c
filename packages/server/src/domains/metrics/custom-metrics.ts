import { uuidv7 } from 'uuidv7';
import { conflict, notFound } from '../../errors/catalogue.js';
import type { CustomMetricRecord } from '../../store/analytics-definitions-port.js';
import { canManageCustomMetrics, canRunQueries, ensure } from '../access/permissions.js';
import type { DomainContext } from '../context.js';
import type { CustomMetricInput } from './custom-metric-schema.js';
import { validateCustomMetric } from './custom-metric-spec.js';

/** User-defined metrics: stored definitions that kpi and trend queries run as `metric: 'custom:<key>'`. */

const view = ({ workspaceId: _ws, ...rest }: CustomMetricRecord) => rest;

async function ensureKeyFree(ctx: DomainContext, workspaceId: string, key: string, id: string | null) {
  const holder = await ctx.store.analytics.customMetrics.getByKey(workspaceId, key);
  if (holder && holder.id !== id) throw conflict(`A custom metric with key ${key} already exists.`);
}

function record(
  workspaceId: string,
  id: string,
  input: CustomMetricInput,
  createdAt: string,
  updatedAt: string,
) {
  return {
    id,
    workspaceId,
    key: input.key,
    name: input.name,
    source: input.source,
    aggregate: input.aggregate,
    field: input.field ?? null,
    filters: input.filters ?? [],
    denominatorFilters: input.denominatorFilters ?? null,
    createdAt,
    updatedAt,
  } satisfies CustomMetricRecord;
}

export async function listCustomMetrics(ctx: DomainContext, workspaceId: string) {
  ensure(canRunQueries(ctx.actor, workspaceId), 'see custom metrics');
  return { items: (await ctx.store.analytics.customMetrics.list(workspaceId)).map(view) };
}

export async function getCustomMetric(ctx: DomainContext, workspaceId: string, id: string) {
  ensure(canRunQueries(ctx.actor, workspaceId), 'see custom metrics');
  const found = await ctx.store.analytics.customMetrics.get(workspaceId, id);
  if (!found) throw notFound('Custom metric', id);
  return view(found);
}

export async function createCustomMetric(ctx: DomainContext, workspaceId: string, input: CustomMetricInput) {
  ensure(canManageCustomMetrics(ctx.actor, workspaceId), 'manage custom metrics');
  validateCustomMetric(input);
  await ensureKeyFree(ctx, workspaceId, input.key, null);
  const now = ctx.now().toISOString();
  const created = record(workspaceId, uuidv7(), input, now, now);
  await ctx.store.analytics.customMetrics.insert(created);
  return view(created);
}

/** PUT semantics: the whole definition is replaced; id and createdAt stay. */
export async function replaceCustomMetric(
  ctx: DomainContext,
  workspaceId: string,
  id: string,
  input: CustomMetricInput,
) {
  ensure(canManageCustomMetrics(ctx.actor, workspaceId), 'manage custom metrics');
  const current = await ctx.store.analytics.customMetrics.get(workspaceId, id);
  if (!current) throw notFound('Custom metric', id);
  validateCustomMetric(input);
  await ensureKeyFree(ctx, workspaceId, input.key, id);
  const next = record(workspaceId, id, input, current.createdAt, ctx.now().toISOString());
  await ctx.store.analytics.customMetrics.update(next);
  return view(next);
}

export async function deleteCustomMetric(ctx: DomainContext, workspaceId: string, id: string) {
  ensure(canManageCustomMetrics(ctx.actor, workspaceId), 'manage custom metrics');
  if (!(await ctx.store.analytics.customMetrics.get(workspaceId, id))) throw notFound('Custom metric', id);
  await ctx.store.analytics.customMetrics.remove(workspaceId, id);
}
