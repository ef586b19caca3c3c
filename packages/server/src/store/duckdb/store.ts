import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Repos, Store } from '../port.js';
import { duckDbAnalytics } from './analytics/analytics-store.js';
import { TimelineIndex } from './analytics/timelines/timeline-index.js';
import { checkBackupFile } from './backup-file.js';
import { DuckDbDatabase, type SqlExecutor } from './database.js';
import { migrate, pendingMigrations } from './migrate.js';
import { auditRepo } from './repos/audit.js';
import { apiTokenRepo, sessionRepo, writeKeyRepo } from './repos/credentials.js';
import { eventStore } from './repos/events.js';
import { profileRepo } from './repos/profiles.js';
import { segmentRepo } from './repos/segments.js';
import { surveyStore } from './repos/surveys.js';
import { textRepo } from './repos/text.js';
import { membershipRepo, userRepo } from './repos/users.js';
import { workspaceRepo } from './repos/workspaces.js';

export const storeFileName = 'cairn.duckdb';

function reposFor(db: SqlExecutor): Repos {
  return {
    workspaces: workspaceRepo(db),
    users: userRepo(db),
    memberships: membershipRepo(db),
    apiTokens: apiTokenRepo(db),
    writeKeys: writeKeyRepo(db),
    sessions: sessionRepo(db),
    audit: auditRepo(db),
  };
}

/** SQL string literal for a file path: DuckDB's ATTACH takes no bound parameters, so quote by doubling. */
function pathLiteral(file: string): string {
  return `'${path.resolve(file).replaceAll("'", "''")}'`;
}

/** Opens (creating if needed) the DuckDB file. Pass ':memory:' for a throwaway store. */
export async function openDuckDbStore(file: string): Promise<Store & { database: DuckDbDatabase }> {
  if (file !== ':memory:') await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const database = await DuckDbDatabase.open(file);
  let migrated = false;
  const replacedListeners: (() => void | Promise<void>)[] = [];

  return {
    engine: 'duckdb',
    database,
    ...reposFor(database.autocommit),
    events: eventStore(database),
    profiles: profileRepo(database.autocommit),
    text: textRepo(database),
    analytics: duckDbAnalytics(database.autocommit, new TimelineIndex(database)),
    segments: segmentRepo(database.autocommit),
    surveys: surveyStore(database),
    transaction: (work) => database.transaction((tx) => work(reposFor(tx))),
    async migrate() {
      const applied = await migrate(database);
      migrated = true;
      return applied;
    },
    async health() {
      if (!database.isOpen) return { open: false, migrated: false, pendingMigrations: [] };
      const pending = migrated ? [] : await pendingMigrations(database);
      migrated = pending.length === 0;
      return { open: true, migrated, pendingMigrations: pending };
    },
    async backupTo(target) {
      if (existsSync(target)) throw new Error(`Backup target ${target} already exists.`);
      await mkdir(path.dirname(path.resolve(target)), { recursive: true });
      // COPY FROM DATABASE reads one consistent snapshot; holding the writer keeps the copy free of half-done work.
      await database.exclusive(async (c) => {
        await c.run(`ATTACH ${pathLiteral(target)} AS cairn_backup`);
        try {
          const rows = (await c.runAndReadAll('SELECT current_database() AS name')).getRowObjectsJson();
          const name = String(rows[0]?.name);
          await c.run(`COPY FROM DATABASE "${name.replaceAll('"', '""')}" TO cairn_backup`);
        } finally {
          await c.run('DETACH cairn_backup');
        }
      });
    },
    async restoreFrom(file) {
      if (database.file === ':memory:') throw new Error('An in-memory store has no file to restore into.');
      await checkBackupFile(file);
      const stamp = new Date().toISOString().replace(/[-:.]/g, '');
      const previousDataKeptAt = `${database.file}.before-restore-${stamp}`;
      await database.replaceFile(file, previousDataKeptAt);
      migrated = false;
      // A backup from an older Cairn lacks the newer migrations; bring it up to this version before use.
      await migrate(database);
      migrated = true;
      for (const listener of replacedListeners) await listener();
      return { previousDataKeptAt };
    },
    onReplaced(listener) {
      replacedListeners.push(listener);
    },
    close: () => database.close(),
  };
}
