import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { canManageSurveys } from '../../domains/access/permissions.js';
import { type Distribution, sendDueRemindersOf, sendInvitations } from '../../domains/surveys/invitations.js';
import { sendDueTriggered } from '../../domains/surveys/triggered-invitations.js';
import { workspaceAccess } from '../route-access.js';
import { standardErrors, Uuid } from '../schemas.js';

const SurveyParams = Type.Object({ workspaceId: Uuid, surveyId: Uuid });
const Counts = Type.Object({
  sent: Type.Integer(),
  skipped: Type.Object({
    noEmail: Type.Integer({ description: 'profiles without an e-mail identity' }),
    unsubscribed: Type.Integer(),
    fatigue: Type.Integer({ description: 'refused by the fatigue budget (cooldowns, maximum per period)' }),
  }),
});
const errors = { ...standardErrors, 409: standardErrors[400] };
const manageSurveys = workspaceAccess(canManageSurveys, 'invite to surveys');

/** Staff endpoints of e-mail distribution: invite profiles, send due reminders now. */
export function surveyInvitationRoutes(app: FastifyInstance, distribution: Distribution): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/surveys/:surveyId/invitations';
  const origin = (request: FastifyRequest) =>
    distribution.publicUrl ?? `${request.protocol}://${request.host}`;

  r.post(
    base,
    {
      config: { access: manageSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'Invite profiles to a live survey by e-mail.',
        description:
          'Analysts and above. Invitees: profileIds, or every profile whose current trait matches { name, value }. ' +
          "Each profile with an e-mail identity gets a mail in its language (trait locale, else the workspace's " +
          'default) with a signed personal link (CAIRN_PUBLIC_URL or this request’s origin + /s/{surveyId}?t=…) and ' +
          'an unsubscribe link. Skipped: no e-mail, unsubscribed, refused by the fatigue budget. Every invitation is ' +
          'stored and recorded as an `invited` contact (channel email) in the ledger. With reminderAfterDays, ' +
          'invitees without a completed response get one reminder after that many days. 409 ' +
          'CAIRN_EMAIL_NOT_CONFIGURED without CAIRN_SMTP_URL; 409 CAIRN_SURVEY_NOT_OPEN unless live.',
        params: SurveyParams,
        body: Type.Object(
          {
            profileIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 10_000 })),
            trait: Type.Optional(
              Type.Object({
                name: Type.String({ minLength: 1, maxLength: 100 }),
                value: Type.String({ maxLength: 500 }),
              }),
            ),
            reminderAfterDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Counts, ...errors },
      },
    },
    (request) =>
      sendInvitations(
        distribution,
        request.params.workspaceId,
        request.params.surveyId,
        request.body,
        origin(request),
      ),
  );

  r.post(
    `${base}/reminders`,
    {
      config: { access: manageSurveys },
      schema: {
        tags: ['surveys'],
        summary: 'Send what is due for a survey now: reminders and event-triggered invitations.',
        description:
          'Analysts and above. The same run the in-process scheduler does every few minutes, limited to this ' +
          'survey: one reminder per invitation whose reminder is due, only to invitees without a completed ' +
          'response and not unsubscribed (reminders belong to the invitation, so the fatigue budget is not asked ' +
          "again); then the invitations scheduled by the survey's `emailTrigger` (e.g. 24 hours after Order " +
          'Delivered) that are due, which go through the fatigue budget like any invitation. Triggered invitations ' +
          'need CAIRN_PUBLIC_URL for their links. The counts add both.',
        params: SurveyParams,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: Counts, ...errors },
      },
    },
    async (request) => {
      const { workspaceId, surveyId } = request.params;
      const reminders = await sendDueRemindersOf(distribution, workspaceId, surveyId);
      const triggered = await sendDueTriggered(distribution, distribution.services.now(), {
        workspaceId,
        surveyId,
      });
      return {
        sent: reminders.sent + triggered.sent,
        skipped: {
          noEmail: reminders.skipped.noEmail + triggered.skipped.noEmail,
          unsubscribed: reminders.skipped.unsubscribed + triggered.skipped.unsubscribed,
          fatigue: reminders.skipped.fatigue + triggered.skipped.fatigue,
        },
      };
    },
  );
}
