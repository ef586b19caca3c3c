import type { AuditRecord, AuditRepo } from '../../port.js';
import type { SqlExecutor } from '../database.js';
import { jsonObject, type Row, str, strOrNull } from '../values.js';

const toEntry = (r: Row): AuditRecord => ({
  id: str(r.id),
  workspaceId: strOrNull(r.workspace_id),
  actorType: str(r.actor_type) as AuditRecord['actorType'],
  actorId: strOrNull(r.actor_id),
  action: str(r.action),
  targetType: strOrNull(r.target_type),
  targetId: strOrNull(r.target_id),
  details: jsonObject(r.details),
  ip: strOrNull(r.ip),
  at: str(r.occurred_at),
});

const columns =
  'id, workspace_id, actor_type, actor_id, action, target_type, target_id, details, ip, occurred_at';

export function auditRepo(db: SqlExecutor): AuditRepo {
  return {
    async append(e) {
      await db.run(
        `INSERT INTO audit_log (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::JSON, $9, $10::TIMESTAMPTZ)`,
        [
          e.id,
          e.workspaceId,
          e.actorType,
          e.actorId,
          e.action,
          e.targetType,
          e.targetId,
          JSON.stringify(e.details),
          e.ip,
          e.at,
        ],
      );
    },
    async list(workspaceId, { limit, cursor }) {
      // Ids are UUIDv7, so ordering by id is ordering by time; the cursor is the last id already seen.
      const rows = await db.all(
        `SELECT ${columns} FROM audit_log
         WHERE workspace_id = $1 AND ($2::VARCHAR IS NULL OR id < $2)
         ORDER BY id DESC LIMIT $3`,
        [workspaceId, cursor ?? null, limit + 1],
      );
      const items = rows.slice(0, limit).map(toEntry);
      return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },
  };
}
