import type { InvitationRecord, SurveyDistributionRepo } from '../../survey-port.js';
import type { SqlExecutor, SqlParam } from '../database.js';
import { type Row, str, strOrNull } from '../values.js';
import { insertMany } from './surveys-ledger.js';

const columns =
  'id, workspace_id, survey_id, profile_id, email, locale, base_url, sent_at, reminder_due_at, reminded_at, responded_at';

const toInvitation = (r: Row): InvitationRecord => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  surveyId: str(r.survey_id),
  profileId: str(r.profile_id),
  email: str(r.email),
  locale: str(r.locale),
  baseUrl: str(r.base_url),
  sentAt: str(r.sent_at),
  reminderDueAt: strOrNull(r.reminder_due_at),
  remindedAt: strOrNull(r.reminded_at),
  respondedAt: strOrNull(r.responded_at),
});

/** A completed response of the invitee to the survey; responses of merged profiles count for the survivor. */
const completedResponse = `EXISTS (
  SELECT 1 FROM survey_responses r LEFT JOIN profiles p ON p.workspace_id = r.workspace_id AND p.id = r.profile_id
  WHERE r.workspace_id = i.workspace_id AND r.survey_id = i.survey_id AND r.status = 'completed'
    AND coalesce(p.merged_into, r.profile_id) = i.profile_id)`;

export function surveyDistributionRepo(db: SqlExecutor): SurveyDistributionRepo {
  return {
    async scheduleInvitations(rows) {
      for (const r of rows) {
        await db.run(
          `INSERT INTO survey_scheduled_invitations VALUES ($1, $2, $3, $4, $5::TIMESTAMPTZ, NULL)
           ON CONFLICT DO NOTHING`,
          [r.workspaceId, r.surveyId, r.profileId, r.messageId, r.dueAt],
        );
      }
    },
    async dueScheduled(now, workspaceId, surveyId) {
      const rows = await db.all(
        `SELECT workspace_id, survey_id, profile_id, message_id, due_at FROM survey_scheduled_invitations
         WHERE sent_at IS NULL AND due_at <= $1::TIMESTAMPTZ
           AND ($2::VARCHAR IS NULL OR workspace_id = $2) AND ($3::VARCHAR IS NULL OR survey_id = $3)
         ORDER BY due_at LIMIT 10000`,
        [now, workspaceId ?? null, surveyId ?? null],
      );
      return rows.map((r) => ({
        workspaceId: str(r.workspace_id),
        surveyId: str(r.survey_id),
        profileId: str(r.profile_id),
        messageId: str(r.message_id),
        dueAt: str(r.due_at),
      }));
    },
    async markScheduledSent(rows, at) {
      for (const r of rows) {
        await db.run(
          `UPDATE survey_scheduled_invitations SET sent_at = $5::TIMESTAMPTZ
           WHERE workspace_id = $1 AND survey_id = $2 AND profile_id = $3 AND message_id = $4`,
          [r.workspaceId, r.surveyId, r.profileId, r.messageId, at],
        );
      }
    },
    async workspaceOfSurvey(surveyId) {
      const rows = await db.all('SELECT workspace_id FROM surveys WHERE id = $1', [surveyId]);
      return rows[0] ? str(rows[0].workspace_id) : null;
    },
    insertInvitations: (invitations) =>
      insertMany(
        db,
        `INSERT INTO survey_invitations (${columns})`,
        ['', '', '', '', '', '', '', '::TIMESTAMPTZ', '::TIMESTAMPTZ', '::TIMESTAMPTZ', '::TIMESTAMPTZ'],
        invitations.map((i) => [
          i.id,
          i.workspaceId,
          i.surveyId,
          i.profileId,
          i.email,
          i.locale,
          i.baseUrl,
          i.sentAt,
          i.reminderDueAt,
          i.remindedAt,
          i.respondedAt,
        ]),
      ),
    async dueReminders(now, workspaceId, surveyId) {
      // Keeps responded_at current first, so the invitation list shows who answered.
      await db.run(
        `UPDATE survey_invitations i SET responded_at = $1::TIMESTAMPTZ
         WHERE i.responded_at IS NULL AND ${completedResponse}`,
        [now],
      );
      const params: SqlParam[] = [now];
      let scope = '';
      if (workspaceId) {
        params.push(workspaceId);
        scope += ` AND i.workspace_id = $${params.length}`;
      }
      if (surveyId) {
        params.push(surveyId);
        scope += ` AND i.survey_id = $${params.length}`;
      }
      const rows = await db.all(
        `SELECT ${columns.replace(/(\w+)/g, 'i.$1')} FROM survey_invitations i
         WHERE i.reminder_due_at <= $1::TIMESTAMPTZ AND i.reminded_at IS NULL AND i.responded_at IS NULL${scope}
           AND NOT EXISTS (SELECT 1 FROM survey_unsubscribes u
                           WHERE u.workspace_id = i.workspace_id AND u.profile_id = i.profile_id)
         ORDER BY i.reminder_due_at, i.id`,
        params,
      );
      return rows.map(toInvitation);
    },
    async markReminded(ids, at) {
      if (!ids.length) return;
      await db.run(
        `UPDATE survey_invitations SET reminded_at = $1::TIMESTAMPTZ
         WHERE list_contains($2::VARCHAR[], id) AND reminded_at IS NULL`,
        [at, JSON.stringify(ids)],
      );
    },
    async unsubscribe(workspaceId, profileId, at) {
      await db.run(
        `INSERT INTO survey_unsubscribes (workspace_id, profile_id, unsubscribed_at)
         VALUES ($1, $2, $3::TIMESTAMPTZ) ON CONFLICT DO NOTHING`,
        [workspaceId, profileId, at],
      );
    },
    async unsubscribed(workspaceId, profileIds) {
      if (!profileIds.length) return [];
      const rows = await db.all(
        `SELECT profile_id FROM survey_unsubscribes
         WHERE workspace_id = $1 AND list_contains($2::VARCHAR[], profile_id)`,
        [workspaceId, JSON.stringify(profileIds)],
      );
      return rows.map((r) => str(r.profile_id));
    },
  };
}
