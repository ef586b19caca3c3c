import type { Role } from '../../../domains/access/roles.js';
import type {
  ApiTokenRecord,
  ApiTokenRepo,
  SessionRecord,
  SessionRepo,
  WriteKeyRecord,
  WriteKeyRepo,
} from '../../port.js';
import type { SqlExecutor } from '../database.js';
import { type Row, str, strOrNull } from '../values.js';

const toToken = (r: Row): ApiTokenRecord => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  name: str(r.name),
  role: str(r.role) as Role,
  tokenHash: str(r.token_hash),
  prefix: str(r.prefix),
  createdBy: strOrNull(r.created_by),
  createdAt: str(r.created_at),
  lastUsedAt: strOrNull(r.last_used_at),
  revokedAt: strOrNull(r.revoked_at),
});

const toWriteKey = (r: Row): WriteKeyRecord => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  name: str(r.name),
  key: str(r.key),
  createdAt: str(r.created_at),
  revokedAt: strOrNull(r.revoked_at),
});

const toSession = (r: Row): SessionRecord => ({
  idHash: str(r.id_hash),
  userId: str(r.user_id),
  csrfToken: str(r.csrf_token),
  createdAt: str(r.created_at),
  expiresAt: str(r.expires_at),
});

const tokenColumns =
  'id, workspace_id, name, role, token_hash, prefix, created_by, created_at, last_used_at, revoked_at';
const keyColumns = 'id, workspace_id, name, key, created_at, revoked_at';
const sessionColumns = 'id_hash, user_id, csrf_token, created_at, expires_at';

export function apiTokenRepo(db: SqlExecutor): ApiTokenRepo {
  return {
    async insert(t) {
      await db.run(
        `INSERT INTO api_tokens (${tokenColumns})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::TIMESTAMPTZ, $9::TIMESTAMPTZ, $10::TIMESTAMPTZ)`,
        [
          t.id,
          t.workspaceId,
          t.name,
          t.role,
          t.tokenHash,
          t.prefix,
          t.createdBy,
          t.createdAt,
          t.lastUsedAt,
          t.revokedAt,
        ],
      );
    },
    async getByHash(tokenHash) {
      const rows = await db.all(`SELECT ${tokenColumns} FROM api_tokens WHERE token_hash = $1`, [tokenHash]);
      return rows[0] ? toToken(rows[0]) : null;
    },
    async listForWorkspace(workspaceId) {
      const rows = await db.all(
        `SELECT ${tokenColumns} FROM api_tokens WHERE workspace_id = $1 ORDER BY created_at DESC, id DESC`,
        [workspaceId],
      );
      return rows.map(toToken);
    },
    async get(workspaceId, id) {
      const rows = await db.all(
        `SELECT ${tokenColumns} FROM api_tokens WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id],
      );
      return rows[0] ? toToken(rows[0]) : null;
    },
    async revoke(workspaceId, id, at) {
      await db.run(
        'UPDATE api_tokens SET revoked_at = $3::TIMESTAMPTZ WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL',
        [workspaceId, id, at],
      );
    },
    async touch(id, at) {
      await db.run('UPDATE api_tokens SET last_used_at = $2::TIMESTAMPTZ WHERE id = $1', [id, at]);
    },
  };
}

export function writeKeyRepo(db: SqlExecutor): WriteKeyRepo {
  return {
    async insert(k) {
      await db.run(
        `INSERT INTO write_keys (${keyColumns}) VALUES ($1, $2, $3, $4, $5::TIMESTAMPTZ, $6::TIMESTAMPTZ)`,
        [k.id, k.workspaceId, k.name, k.key, k.createdAt, k.revokedAt],
      );
    },
    async getByKey(key) {
      const rows = await db.all(`SELECT ${keyColumns} FROM write_keys WHERE key = $1`, [key]);
      return rows[0] ? toWriteKey(rows[0]) : null;
    },
    async listForWorkspace(workspaceId) {
      const rows = await db.all(
        `SELECT ${keyColumns} FROM write_keys WHERE workspace_id = $1 ORDER BY created_at DESC, id DESC`,
        [workspaceId],
      );
      return rows.map(toWriteKey);
    },
    async get(workspaceId, id) {
      const rows = await db.all(`SELECT ${keyColumns} FROM write_keys WHERE workspace_id = $1 AND id = $2`, [
        workspaceId,
        id,
      ]);
      return rows[0] ? toWriteKey(rows[0]) : null;
    },
    async revoke(workspaceId, id, at) {
      await db.run(
        'UPDATE write_keys SET revoked_at = $3::TIMESTAMPTZ WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL',
        [workspaceId, id, at],
      );
    },
  };
}

export function sessionRepo(db: SqlExecutor): SessionRepo {
  return {
    async insert(s) {
      await db.run(
        `INSERT INTO sessions (${sessionColumns}) VALUES ($1, $2, $3, $4::TIMESTAMPTZ, $5::TIMESTAMPTZ)`,
        [s.idHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt],
      );
    },
    async getByHash(idHash) {
      const rows = await db.all(`SELECT ${sessionColumns} FROM sessions WHERE id_hash = $1`, [idHash]);
      return rows[0] ? toSession(rows[0]) : null;
    },
    async remove(idHash) {
      await db.run('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
    },
    async removeExpired(now) {
      const rows = await db.all(
        'DELETE FROM sessions WHERE expires_at <= $1::TIMESTAMPTZ RETURNING id_hash',
        [now],
      );
      return rows.length;
    },
  };
}
