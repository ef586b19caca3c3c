import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DuckDbDatabase, SqlExecutor } from './database.js';

/** Ordered SQL files named NNNN_description.sql; each is applied once, in its own transaction, and recorded. */
export const migrationsDir = fileURLToPath(new URL('../migrations/duckdb/', import.meta.url));

interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export async function loadMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(`${dir}/${file}`, 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

async function ensureLedger(db: SqlExecutor): Promise<void> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
}

async function applied(db: SqlExecutor): Promise<Map<string, string>> {
  const rows = await db.all('SELECT version, checksum FROM schema_migrations');
  return new Map(rows.map((r) => [String(r.version), String(r.checksum)]));
}

export async function pendingMigrations(db: DuckDbDatabase): Promise<string[]> {
  const exists = await db.autocommit.all(
    "SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migrations'",
  );
  const done = exists.length ? await applied(db.autocommit) : new Map<string, string>();
  return (await loadMigrations()).filter((m) => !done.has(m.version)).map((m) => m.name);
}

/** Applies pending migrations; refuses to run if an applied file was edited afterwards (its checksum changed). */
export async function migrate(db: DuckDbDatabase, dir = migrationsDir): Promise<string[]> {
  await ensureLedger(db.autocommit);
  const done = await applied(db.autocommit);
  const appliedNow: string[] = [];
  for (const m of await loadMigrations(dir)) {
    const known = done.get(m.version);
    if (known !== undefined) {
      if (known !== m.checksum) {
        throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
      }
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.run(m.sql);
      await tx.run('INSERT INTO schema_migrations VALUES ($1, $2, $3, now())', [
        m.version,
        m.name,
        m.checksum,
      ]);
    });
    appliedNow.push(m.name);
  }
  return appliedNow;
}
