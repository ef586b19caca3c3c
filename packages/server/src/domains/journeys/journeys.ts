import { uuidv7 } from 'uuidv7';
import { notFound } from '../../errors/catalogue.js';
import type { JourneyRecord } from '../../store/analytics-definitions-port.js';
import { canManageJourneys, canRunQueries, ensure } from '../access/permissions.js';
import { invalidQuery } from '../analytics/parse-query.js';
import type { DomainContext } from '../context.js';
import type { JourneyInput } from './journey-schema.js';

/**
 * Stored journey definitions: ordered stages made of touchpoints and/or event names. The `journey` query kind
 * reads them; events are mapped to touchpoints when the query runs, so the journey follows registry edits.
 */

const view = ({ workspaceId: _ws, ...rest }: JourneyRecord) => rest;

/** Stage keys unique; every stage names something; every touchpoint id exists in this workspace. */
async function checkStages(ctx: DomainContext, workspaceId: string, input: JourneyInput): Promise<void> {
  const known = new Set((await ctx.store.analytics.touchpoints.list(workspaceId)).map((t) => t.id));
  const keys = new Set<string>();
  input.stages.forEach((stage, i) => {
    if (keys.has(stage.key))
      throw invalidQuery([{ field: `body.stages.${i}.key`, message: 'is used twice' }]);
    keys.add(stage.key);
    if (stage.touchpointIds.length === 0 && stage.events.length === 0) {
      throw invalidQuery([
        { field: `body.stages.${i}`, message: 'must name at least one touchpoint or event' },
      ]);
    }
    stage.touchpointIds.forEach((id, j) => {
      if (!known.has(id)) {
        throw invalidQuery([
          { field: `body.stages.${i}.touchpointIds.${j}`, message: 'is not a touchpoint of this workspace' },
        ]);
      }
    });
  });
}

const stagesOf = (input: JourneyInput): JourneyRecord['stages'] =>
  input.stages.map((s) => ({ key: s.key, name: s.name, touchpointIds: s.touchpointIds, events: s.events }));

export async function listJourneys(ctx: DomainContext, workspaceId: string) {
  ensure(canRunQueries(ctx.actor, workspaceId), 'see journeys');
  return { items: (await ctx.store.analytics.journeys.list(workspaceId)).map(view) };
}

export async function getJourney(ctx: DomainContext, workspaceId: string, id: string) {
  ensure(canRunQueries(ctx.actor, workspaceId), 'see journeys');
  const found = await ctx.store.analytics.journeys.get(workspaceId, id);
  if (!found) throw notFound('Journey', id);
  return view(found);
}

export async function createJourney(ctx: DomainContext, workspaceId: string, input: JourneyInput) {
  ensure(canManageJourneys(ctx.actor, workspaceId), 'manage journeys');
  await checkStages(ctx, workspaceId, input);
  const now = ctx.now().toISOString();
  const journey: JourneyRecord = {
    id: uuidv7(),
    workspaceId,
    name: input.name,
    description: input.description ?? '',
    stages: stagesOf(input),
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.analytics.journeys.insert(journey);
  return view(journey);
}

/** PUT semantics: name, description and stages are replaced; id and createdAt stay. */
export async function replaceJourney(
  ctx: DomainContext,
  workspaceId: string,
  id: string,
  input: JourneyInput,
) {
  ensure(canManageJourneys(ctx.actor, workspaceId), 'manage journeys');
  const current = await ctx.store.analytics.journeys.get(workspaceId, id);
  if (!current) throw notFound('Journey', id);
  await checkStages(ctx, workspaceId, input);
  const next: JourneyRecord = {
    ...current,
    name: input.name,
    description: input.description ?? '',
    stages: stagesOf(input),
    updatedAt: ctx.now().toISOString(),
  };
  await ctx.store.analytics.journeys.update(next);
  return view(next);
}

export async function deleteJourney(ctx: DomainContext, workspaceId: string, id: string) {
  ensure(canManageJourneys(ctx.actor, workspaceId), 'manage journeys');
  if (!(await ctx.store.analytics.journeys.get(workspaceId, id))) throw notFound('Journey', id);
  await ctx.store.analytics.journeys.remove(workspaceId, id);
}
