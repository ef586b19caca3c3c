import type { ContactLedgerRepo, ContactRecord } from '../../survey-port.js';
import type { SqlExecutor, SqlParam } from '../database.js';
import { type Row, str } from '../values.js';

const chunkRows = 200;

/**
 * One multi-row INSERT per chunk with bound parameters: `casts` holds one cast suffix per column (e.g.
 * '::TIMESTAMPTZ'). Far fewer statements than row-by-row inserts inside a group commit.
 */
export async function insertMany(
  db: SqlExecutor,
  head: string,
  casts: string[],
  rows: SqlParam[][],
  tail = '',
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows);
    const params: SqlParam[] = [];
    const tuples = chunk.map((row) => {
      const cells = row.map((value, i) => {
        params.push(value);
        return `$${params.length}${casts[i] ?? ''}`;
      });
      return `(${cells.join(', ')})`;
    });
    await db.run(`${head} VALUES ${tuples.join(', ')} ${tail}`, params);
  }
}

const toContact = (r: Row): ContactRecord => ({
  workspaceId: str(r.workspace_id),
  profileId: str(r.profile_id),
  surveyId: str(r.survey_id),
  channel: str(r.channel),
  kind: str(r.kind) as ContactRecord['kind'],
  at: str(r.contacted_at),
});

export function contactLedgerRepo(db: SqlExecutor): ContactLedgerRepo {
  return {
    append: (contacts) =>
      insertMany(
        db,
        'INSERT INTO survey_contacts (workspace_id, profile_id, survey_id, channel, kind, contacted_at)',
        ['', '', '', '', '', '::TIMESTAMPTZ'],
        contacts.map((c) => [c.workspaceId, c.profileId, c.surveyId, c.channel, c.kind, c.at]),
      ),
    async since(workspaceId, profileIds, since) {
      const rows = await db.all(
        `SELECT workspace_id, profile_id, survey_id, channel, kind, contacted_at FROM survey_contacts
         WHERE workspace_id = $1 AND list_contains($2::VARCHAR[], profile_id) AND contacted_at >= $3::TIMESTAMPTZ
         ORDER BY contacted_at DESC`,
        [workspaceId, JSON.stringify(profileIds), since],
      );
      return rows.map(toContact);
    },
    async workspaceSince(workspaceId, since, limit) {
      const rows = await db.all(
        `SELECT workspace_id, profile_id, survey_id, channel, kind, contacted_at FROM survey_contacts
         WHERE workspace_id = $1 AND contacted_at >= $2::TIMESTAMPTZ ORDER BY contacted_at DESC LIMIT $3`,
        [workspaceId, since, limit],
      );
      return rows.map(toContact);
    },
  };
}
