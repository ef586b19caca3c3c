import type { Role } from '../../../domains/access/roles.js';
import type { MembershipRecord, MembershipRepo, UserRecord, UserRepo } from '../../port.js';
import type { SqlExecutor } from '../database.js';
import { type Row, str } from '../values.js';

const toUser = (r: Row): UserRecord => ({
  id: str(r.id),
  email: str(r.email),
  name: str(r.name),
  locale: str(r.locale),
  passwordHash: str(r.password_hash),
  createdAt: str(r.created_at),
});

const toMembership = (r: Row): MembershipRecord => ({
  workspaceId: str(r.workspace_id),
  userId: str(r.user_id),
  role: str(r.role) as Role,
  createdAt: str(r.created_at),
});

const userColumns = 'id, email, name, locale, password_hash, created_at';
const membershipColumns = 'workspace_id, user_id, role, created_at';

export function userRepo(db: SqlExecutor): UserRepo {
  return {
    async insert(u) {
      await db.run(`INSERT INTO users (${userColumns}) VALUES ($1, $2, $3, $4, $5, $6::TIMESTAMPTZ)`, [
        u.id,
        u.email,
        u.name,
        u.locale,
        u.passwordHash,
        u.createdAt,
      ]);
    },
    async get(id) {
      const rows = await db.all(`SELECT ${userColumns} FROM users WHERE id = $1`, [id]);
      return rows[0] ? toUser(rows[0]) : null;
    },
    async getByEmail(email) {
      const rows = await db.all(`SELECT ${userColumns} FROM users WHERE lower(email) = lower($1)`, [email]);
      return rows[0] ? toUser(rows[0]) : null;
    },
    async listByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db.all(`SELECT ${userColumns} FROM users WHERE list_contains($1::VARCHAR[], id)`, [
        JSON.stringify(ids),
      ]);
      return rows.map(toUser);
    },
    async count() {
      const rows = await db.all('SELECT count(*) AS n FROM users');
      return Number(rows[0]?.n ?? 0);
    },
    async setPasswordHash(id, passwordHash) {
      await db.run('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
    },
  };
}

export function membershipRepo(db: SqlExecutor): MembershipRepo {
  return {
    async upsert(m) {
      await db.run(
        `INSERT INTO memberships (${membershipColumns}) VALUES ($1, $2, $3, $4::TIMESTAMPTZ)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role`,
        [m.workspaceId, m.userId, m.role, m.createdAt],
      );
    },
    async get(workspaceId, userId) {
      const rows = await db.all(
        `SELECT ${membershipColumns} FROM memberships WHERE workspace_id = $1 AND user_id = $2`,
        [workspaceId, userId],
      );
      return rows[0] ? toMembership(rows[0]) : null;
    },
    async listForUser(userId) {
      const rows = await db.all(`SELECT ${membershipColumns} FROM memberships WHERE user_id = $1`, [userId]);
      return rows.map(toMembership);
    },
    async listForWorkspace(workspaceId) {
      const rows = await db.all(
        `SELECT ${membershipColumns} FROM memberships WHERE workspace_id = $1 ORDER BY created_at, user_id`,
        [workspaceId],
      );
      return rows.map(toMembership);
    },
    async remove(workspaceId, userId) {
      await db.run('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
    },
  };
}
