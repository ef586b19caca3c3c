import type { WorkspaceRecord, WorkspaceRepo } from '../../port.js';
import type { SqlExecutor } from '../database.js';
import { type Row, str } from '../values.js';

const toWorkspace = (r: Row): WorkspaceRecord => ({
  id: str(r.id),
  name: str(r.name),
  timeZone: str(r.time_zone),
  defaultLocale: str(r.default_locale),
  requireConsent: r.require_consent === true,
  createdAt: str(r.created_at),
});

const columns = 'id, name, time_zone, default_locale, require_consent, created_at';

export function workspaceRepo(db: SqlExecutor): WorkspaceRepo {
  return {
    async insert(ws) {
      await db.run(`INSERT INTO workspaces (${columns}) VALUES ($1, $2, $3, $4, $5, $6::TIMESTAMPTZ)`, [
        ws.id,
        ws.name,
        ws.timeZone,
        ws.defaultLocale,
        ws.requireConsent,
        ws.createdAt,
      ]);
    },
    async get(id) {
      const rows = await db.all(`SELECT ${columns} FROM workspaces WHERE id = $1`, [id]);
      return rows[0] ? toWorkspace(rows[0]) : null;
    },
    async listByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db.all(
        `SELECT ${columns} FROM workspaces WHERE list_contains($1::VARCHAR[], id) ORDER BY name, id`,
        [JSON.stringify(ids)],
      );
      return rows.map(toWorkspace);
    },
    async listAll() {
      return (await db.all(`SELECT ${columns} FROM workspaces ORDER BY name, id`)).map(toWorkspace);
    },
    async update(id, patch) {
      // Each column is updated by its own fixed statement: no SQL is assembled from input.
      if (patch.name !== undefined)
        await db.run('UPDATE workspaces SET name = $2 WHERE id = $1', [id, patch.name]);
      if (patch.timeZone !== undefined)
        await db.run('UPDATE workspaces SET time_zone = $2 WHERE id = $1', [id, patch.timeZone]);
      if (patch.defaultLocale !== undefined)
        await db.run('UPDATE workspaces SET default_locale = $2 WHERE id = $1', [id, patch.defaultLocale]);
      if (patch.requireConsent !== undefined)
        await db.run('UPDATE workspaces SET require_consent = $2 WHERE id = $1', [id, patch.requireConsent]);
    },
  };
}
