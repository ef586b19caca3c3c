import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { uuidv7 } from 'uuidv7';
import { auditIdentity } from '../access/actor.js';
import { requireWorkspace } from '../access/lookups.js';
import { canManageSurveys, canReadSurveys, ensure } from '../access/permissions.js';
import type { DomainContext } from '../context.js';
import { assertValid, type DefinitionProblem } from './definition-validation.js';
import { defaultFatigueBudget, type FatigueBudget, type FatigueLedger } from './fatigue.js';

/** Workspace-wide survey settings: the fatigue budget every channel applies unless a survey overrides it. */
export const WorkspaceSurveySettings = Type.Object(
  {
    fatigue: Type.Partial(
      Type.Object(
        {
          globalCooldownDays: Type.Integer({ minimum: 0, maximum: 365 }),
          surveyCooldownDays: Type.Integer({ minimum: 0, maximum: 3650 }),
          maxContactsPerPeriod: Type.Integer({ minimum: 1, maximum: 100 }),
          periodDays: Type.Integer({ minimum: 1, maximum: 365 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type WorkspaceSurveySettings = Static<typeof WorkspaceSurveySettings>;

export async function getWorkspaceSurveySettings(
  ctx: DomainContext,
  workspaceId: string,
): Promise<{ fatigue: FatigueBudget }> {
  ensure(canReadSurveys(ctx.actor, workspaceId), 'read surveys');
  await requireWorkspace(ctx.store, workspaceId);
  const stored = (await ctx.store.surveys.settings.get(
    workspaceId,
  )) as Partial<WorkspaceSurveySettings> | null;
  return { fatigue: { ...defaultFatigueBudget, ...(stored?.fatigue ?? {}) } };
}

/**
 * Changes the given budget fields (others keep their value; audited). Eligibility sees the change at once in this
 * process (its settings cache entry is dropped).
 */
export async function patchWorkspaceSurveySettings(
  ctx: DomainContext,
  ledger: FatigueLedger,
  workspaceId: string,
  input: unknown,
): Promise<{ fatigue: FatigueBudget }> {
  ensure(canManageSurveys(ctx.actor, workspaceId), 'manage surveys');
  await requireWorkspace(ctx.store, workspaceId);
  const problems: DefinitionProblem[] = Value.Check(WorkspaceSurveySettings, input)
    ? []
    : Value.Errors(WorkspaceSurveySettings, input).map((e) => ({
        path: `settings${e.instancePath}`,
        message: e.message,
      }));
  assertValid(problems);
  const current = await getWorkspaceSurveySettings(ctx, workspaceId);
  const settings = { fatigue: { ...current.fatigue, ...(input as WorkspaceSurveySettings).fatigue } };
  const at = ctx.now().toISOString();
  // The settings row and its audit entry are written one after the other (two repositories of different ports);
  // the audit entry goes first so no change is ever unrecorded.
  await ctx.store.transaction(async (tx) => {
    await tx.audit.append({
      id: uuidv7(),
      workspaceId,
      ...auditIdentity(ctx.actor),
      action: 'survey.settings-update',
      targetType: 'workspace',
      targetId: workspaceId,
      details: input as Record<string, unknown>,
      ip: ctx.ip,
      at,
    });
  });
  await ctx.store.surveys.settings.put(workspaceId, settings, at);
  ledger.forgetWorkspaceSettings(workspaceId);
  return { fatigue: settings.fatigue };
}
