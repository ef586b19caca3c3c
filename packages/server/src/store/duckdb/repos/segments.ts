import type { SegmentRecord, SegmentRepo } from '../../segment-port.js';
import type { SqlExecutor } from '../database.js';
import type { Row } from '../values.js';

const columns = 'id, workspace_id, key, name, description, conditions, created_at, updated_at';

function fromRow(r: Row): SegmentRecord {
  return {
    id: String(r.id),
    workspaceId: String(r.workspace_id),
    key: String(r.key),
    name: String(r.name),
    description: String(r.description),
    conditions: JSON.parse(String(r.conditions)) as SegmentRecord['conditions'],
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export function segmentRepo(db: SqlExecutor): SegmentRepo {
  return {
    insert: (s) =>
      db.run(
        `INSERT INTO segments (${columns}) VALUES ($1, $2, $3, $4, $5, $6::JSON, $7::TIMESTAMPTZ, $8::TIMESTAMPTZ)`,
        [
          s.id,
          s.workspaceId,
          s.key,
          s.name,
          s.description,
          JSON.stringify(s.conditions),
          s.createdAt,
          s.updatedAt,
        ],
      ),
    list: async (workspaceId) =>
      (
        await db.all(`SELECT ${columns} FROM segments WHERE workspace_id = $1 ORDER BY name, id`, [
          workspaceId,
        ])
      ).map(fromRow),
    get: async (workspaceId, id) => {
      const rows = await db.all(`SELECT ${columns} FROM segments WHERE workspace_id = $1 AND id = $2`, [
        workspaceId,
        id,
      ]);
      return rows[0] ? fromRow(rows[0]) : null;
    },
    update: (s) =>
      db.run(
        `UPDATE segments SET key = $3, name = $4, description = $5, conditions = $6::JSON, updated_at = $7::TIMESTAMPTZ
          WHERE workspace_id = $1 AND id = $2`,
        [s.workspaceId, s.id, s.key, s.name, s.description, JSON.stringify(s.conditions), s.updatedAt],
      ),
    remove: (workspaceId, id) =>
      db.run('DELETE FROM segments WHERE workspace_id = $1 AND id = $2', [workspaceId, id]),
  };
}
