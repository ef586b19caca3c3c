import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canManageSurveys, canReadSurveys } from '../../domains/access/permissions.js';
import type { SegmentCatalog } from '../../domains/segments/segment-catalog.js';
import { createDistribution, startReminderScheduler } from '../../domains/surveys/distribution.js';
import {
  changeSurveyStatus,
  createSurvey,
  exportSurvey,
  getSurvey,
  importSurvey,
  listSurveys,
  updateSurvey,
} from '../../domains/surveys/survey-admin.js';
import { createSurveyServices } from '../../domains/surveys/survey-services.js';
import { scheduleTriggeredInvitations } from '../../domains/surveys/triggered-invitations.js';
import {
  getWorkspaceSurveySettings,
  patchWorkspaceSurveySettings,
} from '../../domains/surveys/workspace-settings.js';
import type { TouchpointCatalog } from '../../domains/touchpoints/touchpoint-catalog.js';
import { domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { standardErrors, Uuid, WorkspaceParams } from '../schemas.js';
import type { RouteDependencies } from './index.js';
import { surveyCollectRoutes } from './survey-collect.js';
import { surveyInvitationRoutes } from './survey-invitations.js';
import { surveyLinkRoutes } from './survey-links.js';
import { surveyResponseRoutes } from './survey-responses.js';
import { workspaceResponseRoutes } from './workspace-responses.js';

const Json = Type.Record(Type.String(), Type.Unknown());
const Status = Type.Union([
  Type.Literal('draft'),
  Type.Literal('live'),
  Type.Literal('paused'),
  Type.Literal('closed'),
]);
const Survey = Type.Object({
  id: Type.String(),
  workspaceId: Type.String(),
  name: Type.String(),
  status: Status,
  effectiveStatus: Type.Union(
    [Type.Literal('draft'), Type.Literal('live'), Type.Literal('paused'), Type.Literal('closed')],
    {
      description: 'closed once the close date passed or the quota is reached',
    },
  ),
  currentVersion: Type.Integer(),
  settings: Json,
  definition: Json,
  responseCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const SurveyParams = Type.Object({ workspaceId: Uuid, surveyId: Uuid });
const definitionDoc =
  'definition follows the SurveyDefinition schema of @cairn/protocol (questions nps 0–10, csat 1–5 stars|smileys, ' +
  'ces 1–7, rating, single_choice, multiple_choice, text, matrix, consent; logic rules jumping forward; welcome/end ' +
  'screens; thank-you texts per score range; hidden fields; every text as { de, en, … } with defaultLanguage). ' +
  'Errors: CAIRN_SURVEY_INVALID with every { path, message } in details.';
const SurveyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  definition: Type.Unknown({ description: 'SurveyDefinition' }),
  settings: Type.Optional(
    Type.Unknown({
      description: 'SurveySettings: trigger, targeting, display, closeAt, responseQuota, fatigue',
    }),
  ),
});
const Export = Type.Object({
  format: Type.Literal('cairn-survey/1'),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  settings: Json,
  definition: Json,
});

/** Due reminders are looked for every 5 minutes (they are due by the day, so this is precise enough). */
const reminderIntervalMs = 5 * 60_000;
const readSurveys = workspaceAccess(canReadSurveys, 'read surveys');
const manageSurveys = workspaceAccess(canManageSurveys, 'manage surveys');

/** Survey definitions for staff, plus (registered from here so they share one set of services) responses and SDK routes. */
export async function surveyRoutes(
  app: FastifyInstance,
  deps: RouteDependencies & { touchpoints: TouchpointCatalog; segments: SegmentCatalog },
): Promise<void> {
  const services = createSurveyServices(deps.store, deps.ingestor, deps.now, deps.touchpoints, deps.segments);
  app.addHook('onClose', () => services.writer.drain());
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (request: Parameters<typeof domainContext>[0]) => domainContext(request, deps.store, deps.now);
  const base = '/api/v1/workspaces/:workspaceId/surveys';

  r.get(
    base,
    {
      config: { access: readSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'Surveys of a workspace, newest first.',
        description: 'Every member may read survey definitions.',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(Survey) }), ...standardErrors },
      },
    },
    async (request) => ({ items: await listSurveys(ctx(request), request.params.workspaceId) }),
  );

  r.post(
    base,
    {
      config: { access: manageSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'Create a survey (as a draft, version 1).',
        description: `Analysts and above. ${definitionDoc}`,
        params: WorkspaceParams,
        body: SurveyBody,
        response: { 201: Survey, ...standardErrors },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createSurvey(ctx(request), services.catalog, request.params.workspaceId, request.body);
    },
  );

  r.get(
    `${base}/:surveyId`,
    {
      config: { access: readSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'One survey with its current definition.',
        description:
          'effectiveStatus shows closed once the close date passed or the response quota is reached.',
        params: SurveyParams,
        response: { 200: Survey, ...standardErrors },
      },
    },
    async (request) => getSurvey(ctx(request), request.params.workspaceId, request.params.surveyId),
  );

  r.patch(
    `${base}/:surveyId`,
    {
      config: { access: manageSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'Change name, settings or definition.',
        description: `A changed definition becomes a new version (responses keep the version they answered). ${definitionDoc}`,
        params: SurveyParams,
        body: Type.Partial(SurveyBody, { minProperties: 1 }),
        response: { 200: Survey, ...standardErrors },
      },
    },
    async (request) =>
      updateSurvey(
        ctx(request),
        services.catalog,
        request.params.workspaceId,
        request.params.surveyId,
        request.body,
      ),
  );

  r.post(
    `${base}/:surveyId/status`,
    {
      config: { access: manageSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'Move a survey to draft → live ⇄ paused → closed.',
        description:
          'closed is final. Live surveys close by themselves at settings.closeAt or when settings.responseQuota responses exist. Answers 409 CAIRN_SURVEY_STATUS_CHANGE for other moves.',
        params: SurveyParams,
        body: Type.Object({ status: Status }),
        response: { 200: Survey, ...standardErrors, 409: standardErrors[400] },
      },
    },
    async (request) =>
      changeSurveyStatus(
        ctx(request),
        services.catalog,
        request.params.workspaceId,
        request.params.surveyId,
        request.body.status,
      ),
  );

  r.get(
    `${base}/:surveyId/export`,
    {
      config: { access: readSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'The survey as portable JSON (name, settings, current definition).',
        description: 'Import it into any workspace with POST …/surveys/import.',
        params: SurveyParams,
        response: { 200: Export, ...standardErrors },
      },
    },
    async (request) => exportSurvey(ctx(request), request.params.workspaceId, request.params.surveyId),
  );

  r.post(
    `${base}/import`,
    {
      config: { access: manageSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'Create a draft survey from an export.',
        description: `Validated like a new survey. ${definitionDoc}`,
        params: WorkspaceParams,
        body: Type.Object({
          format: Type.Literal('cairn-survey/1'),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          settings: Type.Optional(Type.Unknown()),
          definition: Type.Unknown(),
        }),
        response: { 201: Survey, ...standardErrors },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return importSurvey(ctx(request), services.catalog, request.params.workspaceId, request.body);
    },
  );

  const Budget = Type.Object({
    fatigue: Type.Object({
      globalCooldownDays: Type.Integer(),
      surveyCooldownDays: Type.Integer(),
      maxContactsPerPeriod: Type.Integer(),
      periodDays: Type.Integer(),
    }),
  });
  const budgetDoc =
    'The one fatigue budget every channel (web/app intercepts, e-mail, link) applies: no survey within ' +
    'globalCooldownDays after a contact with another survey, the same survey not within surveyCooldownDays, at most ' +
    'maxContactsPerPeriod different surveys per periodDays. Defaults 14, 30, 2, 30; surveys may override (settings.fatigue).';
  r.get(
    '/api/v1/workspaces/:workspaceId/survey-settings',
    {
      config: { access: readSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'Workspace survey settings (fatigue budget).',
        description: budgetDoc,
        params: WorkspaceParams,
        response: { 200: Budget, ...standardErrors },
      },
    },
    async (request) => getWorkspaceSurveySettings(ctx(request), request.params.workspaceId),
  );
  r.patch(
    '/api/v1/workspaces/:workspaceId/survey-settings',
    {
      config: { access: manageSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'Change the workspace survey settings (fatigue budget).',
        description: `${budgetDoc} Audited as survey.settings-update.`,
        params: WorkspaceParams,
        body: Type.Unknown({
          description:
            '{ fatigue: { globalCooldownDays?, surveyCooldownDays?, maxContactsPerPeriod?, periodDays? } }',
        }),
        response: { 200: Budget, ...standardErrors },
      },
    },
    async (request) =>
      patchWorkspaceSurveySettings(ctx(request), services.ledger, request.params.workspaceId, request.body),
  );

  surveyResponseRoutes(app, deps, services);
  workspaceResponseRoutes(app, deps);
  // Link and e-mail distribution share these services (one writer, one ledger cache).
  const distribution = await createDistribution(deps.config, services);
  deps.ingestor.afterCommit((stored) => scheduleTriggeredInvitations(distribution, stored));
  const stopReminders = startReminderScheduler(distribution, reminderIntervalMs, (error) =>
    app.log.error(error),
  );
  app.addHook('onClose', async () => {
    stopReminders();
    distribution.mailer?.close();
  });
  surveyInvitationRoutes(app, distribution);
  await app.register(async (scope) => surveyLinkRoutes(scope, distribution));
  await app.register(async (scope) => surveyCollectRoutes(scope, { ...deps, services }));
}
