import type { SurveyRespondentRepo } from '../../survey-port.js';
import type { SqlExecutor } from '../database.js';
import { str } from '../values.js';

export function surveyRespondentRepo(db: SqlExecutor): SurveyRespondentRepo {
  return {
    async identities(workspaceId, limit) {
      const rows = await db.all(
        `SELECT kind, value, profile_id FROM identities
         WHERE workspace_id = $1 AND kind IN ('user_id', 'anonymous_id') LIMIT $2`,
        [workspaceId, limit],
      );
      return rows.map((r) => ({
        kind: str(r.kind) as 'user_id' | 'anonymous_id',
        value: str(r.value),
        profileId: str(r.profile_id),
      }));
    },
    async traits(workspaceId, limit) {
      // Same rule as profiles.currentTraits: last write wins by event time, message_id breaks ties.
      const rows = await db.all(
        `WITH chosen AS (
           SELECT DISTINCT profile_id FROM profile_traits WHERE workspace_id = $1 LIMIT $2)
         SELECT t.profile_id, t.trait, arg_max(t.value, (t.observed_at, t.message_id)) AS value,
                max(t.observed_at) AS observed_at
         FROM profile_traits t JOIN chosen USING (profile_id)
         WHERE t.workspace_id = $1 GROUP BY t.profile_id, t.trait`,
        [workspaceId, limit],
      );
      return rows.map((r) => ({
        profileId: str(r.profile_id),
        trait: str(r.trait),
        value: JSON.parse(String(r.value ?? 'null')),
        observedAt: str(r.observed_at),
      }));
    },
  };
}
