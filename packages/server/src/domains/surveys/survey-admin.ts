import type { SurveyDefinition, SurveySettings, SurveyStatus } from '@cairn/protocol';
import { uuidv7 } from 'uuidv7';
import { CairnError, notFound } from '../../errors/catalogue.js';
import type { AuditRepo } from '../../store/port.js';
import type { SurveyRecord } from '../../store/survey-port.js';
import { auditIdentity } from '../access/actor.js';
import { requireWorkspace } from '../access/lookups.js';
import { canManageSurveys, canReadSurveys, ensure } from '../access/permissions.js';
import type { DomainContext } from '../context.js';
import { parseDefinition, parseSettings } from './definition-validation.js';
import { checkSettingsReferences } from './settings-references.js';
import { effectiveStatus, type SurveyCatalog } from './survey-catalog.js';

/** Audit actions of the survey domain (the access domain keeps its own list in access/audit.ts). */
export const surveyAuditActions = [
  'survey.create',
  'survey.update',
  'survey.status-change',
  'survey.settings-update',
] as const;
export type SurveyAuditAction = (typeof surveyAuditActions)[number];

export interface SurveyView extends SurveyRecord {
  /** The stored status, or closed once the close date passed or the quota is reached. */
  effectiveStatus: SurveyStatus;
  definition: SurveyDefinition;
  responseCount: number;
}

export interface SurveyInput {
  name: string;
  definition: unknown;
  settings?: unknown;
}

/** The portable form of a survey (export and import), without ids, status or history. */
export interface SurveyExport {
  format: 'cairn-survey/1';
  name: string;
  settings: SurveySettings;
  definition: SurveyDefinition;
}

/** Allowed status moves. closed is final: reopening would mix two field periods in one survey. */
const transitions: Record<SurveyStatus, SurveyStatus[]> = {
  draft: ['live', 'closed'],
  live: ['paused', 'closed'],
  paused: ['live', 'closed'],
  closed: [],
};

/** Survey changes are audited inside the same transaction as the change (same record shape as recordAudit). */
function audit(
  repo: AuditRepo,
  ctx: DomainContext,
  workspaceId: string,
  action: SurveyAuditAction,
  surveyId: string,
  details: Record<string, unknown>,
): Promise<void> {
  return repo.append({
    id: uuidv7(),
    workspaceId,
    ...auditIdentity(ctx.actor),
    action,
    targetType: 'survey',
    targetId: surveyId,
    details,
    ip: ctx.ip,
    at: ctx.now().toISOString(),
  });
}

async function view(ctx: DomainContext, survey: SurveyRecord): Promise<SurveyView> {
  const [version, responseCount] = await Promise.all([
    ctx.store.surveys.definitions.getVersion(survey.workspaceId, survey.id, survey.currentVersion),
    ctx.store.surveys.responses.count(survey.workspaceId, survey.id),
  ]);
  if (!version) throw notFound('Survey version', `${survey.id}@${survey.currentVersion}`);
  return {
    ...survey,
    effectiveStatus: effectiveStatus(survey, ctx.now(), responseCount),
    definition: version.definition,
    responseCount,
  };
}

async function requireSurvey(
  ctx: DomainContext,
  workspaceId: string,
  surveyId: string,
): Promise<SurveyRecord> {
  const survey = await ctx.store.surveys.definitions.get(workspaceId, surveyId);
  if (!survey) throw notFound('Survey', surveyId);
  return survey;
}

export async function createSurvey(
  ctx: DomainContext,
  catalog: SurveyCatalog,
  workspaceId: string,
  input: SurveyInput,
): Promise<SurveyView> {
  ensure(canManageSurveys(ctx.actor, workspaceId), 'manage surveys');
  await requireWorkspace(ctx.store, workspaceId);
  const definition = parseDefinition(input.definition);
  const settings = parseSettings(input.settings ?? {});
  await checkSettingsReferences(ctx.store, workspaceId, settings);
  const at = ctx.now().toISOString();
  const survey: SurveyRecord = {
    id: uuidv7(),
    workspaceId,
    name: input.name,
    status: 'draft',
    currentVersion: 1,
    settings,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.store.surveys.transaction(async (tx) => {
    await tx.definitions.insert(survey);
    await tx.definitions.insertVersion({
      surveyId: survey.id,
      workspaceId,
      version: 1,
      definition,
      createdAt: at,
    });
    await audit(tx.audit, ctx, workspaceId, 'survey.create', survey.id, { name: survey.name });
  });
  catalog.invalidate(workspaceId);
  return view(ctx, survey);
}

export async function listSurveys(ctx: DomainContext, workspaceId: string): Promise<SurveyView[]> {
  ensure(canReadSurveys(ctx.actor, workspaceId), 'read surveys');
  await requireWorkspace(ctx.store, workspaceId);
  const surveys = await ctx.store.surveys.definitions.list(workspaceId);
  return Promise.all(surveys.map((s) => view(ctx, s)));
}

export async function getSurvey(
  ctx: DomainContext,
  workspaceId: string,
  surveyId: string,
): Promise<SurveyView> {
  ensure(canReadSurveys(ctx.actor, workspaceId), 'read surveys');
  return view(ctx, await requireSurvey(ctx, workspaceId, surveyId));
}

/**
 * Changes name, settings and/or definition. A changed definition always becomes a new version, so responses
 * given to an earlier version stay interpretable against the questions they answered.
 */
export async function updateSurvey(
  ctx: DomainContext,
  catalog: SurveyCatalog,
  workspaceId: string,
  surveyId: string,
  patch: Partial<SurveyInput>,
): Promise<SurveyView> {
  ensure(canManageSurveys(ctx.actor, workspaceId), 'manage surveys');
  const survey = await requireSurvey(ctx, workspaceId, surveyId);
  const definition = patch.definition === undefined ? undefined : parseDefinition(patch.definition);
  const settings = patch.settings === undefined ? survey.settings : parseSettings(patch.settings);
  if (patch.settings !== undefined) await checkSettingsReferences(ctx.store, workspaceId, settings);
  const at = ctx.now().toISOString();
  const next: SurveyRecord = {
    ...survey,
    name: patch.name ?? survey.name,
    settings,
    currentVersion: definition ? survey.currentVersion + 1 : survey.currentVersion,
    updatedAt: at,
  };
  await ctx.store.surveys.transaction(async (tx) => {
    if (definition) {
      await tx.definitions.insertVersion({
        surveyId,
        workspaceId,
        version: next.currentVersion,
        definition,
        createdAt: at,
      });
    }
    await tx.definitions.update(next);
    await audit(tx.audit, ctx, workspaceId, 'survey.update', surveyId, {
      version: next.currentVersion,
      changed: Object.keys(patch).sort(),
    });
  });
  catalog.invalidate(workspaceId);
  return view(ctx, next);
}

export async function changeSurveyStatus(
  ctx: DomainContext,
  catalog: SurveyCatalog,
  workspaceId: string,
  surveyId: string,
  to: SurveyStatus,
): Promise<SurveyView> {
  ensure(canManageSurveys(ctx.actor, workspaceId), 'manage surveys');
  const survey = await requireSurvey(ctx, workspaceId, surveyId);
  const current = view(ctx, survey);
  const from = (await current).effectiveStatus;
  if (from === to) return current;
  if (!transitions[from].includes(to)) throw new CairnError('CAIRN_SURVEY_STATUS_CHANGE', { from, to });
  const next: SurveyRecord = { ...survey, status: to, updatedAt: ctx.now().toISOString() };
  await ctx.store.surveys.transaction(async (tx) => {
    await tx.definitions.update(next);
    await audit(tx.audit, ctx, workspaceId, 'survey.status-change', surveyId, { from, to });
  });
  catalog.invalidate(workspaceId);
  return view(ctx, next);
}

export async function exportSurvey(
  ctx: DomainContext,
  workspaceId: string,
  surveyId: string,
): Promise<SurveyExport> {
  const survey = await getSurvey(ctx, workspaceId, surveyId);
  return {
    format: 'cairn-survey/1',
    name: survey.name,
    settings: survey.settings,
    definition: survey.definition,
  };
}

/** Imports an exported survey as a new draft (ids, status and history are never imported). */
export function importSurvey(
  ctx: DomainContext,
  catalog: SurveyCatalog,
  workspaceId: string,
  document: { name: string; settings?: unknown; definition: unknown },
): Promise<SurveyView> {
  return createSurvey(ctx, catalog, workspaceId, document);
}
