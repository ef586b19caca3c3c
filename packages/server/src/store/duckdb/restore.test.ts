import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidBackupError, type Store, type WorkspaceRecord } from '../port.js';
import { openDuckDbStore } from './store.js';

const workspace = (id: string): WorkspaceRecord => ({
  id,
  name: `Workspace ${id}`,
  timeZone: 'Europe/Berlin',
  defaultLocale: 'de',
  requireConsent: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('DuckDB store backup and restore', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cairn-restore-'));
    store = await openDuckDbStore(path.join(dir, 'cairn.duckdb'));
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('brings back exactly the data of the backup and keeps the replaced data aside', async () => {
    await store.workspaces.insert(workspace('before'));
    const backup = path.join(dir, 'backup.duckdb');
    await store.backupTo(backup);
    await store.workspaces.insert(workspace('after'));

    const { previousDataKeptAt } = await store.restoreFrom(backup);

    expect(await store.workspaces.get('before')).not.toBeNull();
    expect(await store.workspaces.get('after')).toBeNull();
    expect(existsSync(backup)).toBe(false); // moved into place, not copied
    expect(previousDataKeptAt).toMatch(/cairn\.duckdb\.before-restore-\d{8}T\d{9}Z$/);
    const previous = await openDuckDbStore(previousDataKeptAt);
    expect(await previous.workspaces.get('after')).not.toBeNull();
    await previous.close();
    // The same store object keeps working after the swap, for writes and for health.
    await store.workspaces.insert(workspace('later'));
    expect(await store.workspaces.get('later')).not.toBeNull();
    expect(await store.health()).toEqual({ open: true, migrated: true, pendingMigrations: [] });
  });

  it('lets reads and writes issued during the swap finish against one file or the other, never fail', async () => {
    await store.workspaces.insert(workspace('kept'));
    const backup = path.join(dir, 'backup.duckdb');
    await store.backupTo(backup);
    const reads = Array.from({ length: 50 }, () => store.workspaces.get('kept'));
    const restore = store.restoreFrom(backup);
    const writes = Array.from({ length: 20 }, (_, i) => store.workspaces.insert(workspace(`w${i}`)));
    const { previousDataKeptAt } = await restore;
    expect((await Promise.all(reads)).every((w) => w?.id === 'kept')).toBe(true);
    await Promise.all(writes);

    const previous = await openDuckDbStore(previousDataKeptAt);
    const ids = async (s: Store) => (await s.workspaces.listAll()).map((w) => w.id);
    const landed = [...(await ids(store)), ...(await ids(previous))];
    await previous.close();
    for (let i = 0; i < 20; i++) expect(landed.filter((id) => id === `w${i}`)).toHaveLength(1);
  });

  it('refuses a file that is not a DuckDB database and leaves the store untouched', async () => {
    await store.workspaces.insert(workspace('kept'));
    const junk = path.join(dir, 'junk.duckdb');
    await writeFile(junk, Buffer.alloc(64 * 1024, 7));
    await expect(store.restoreFrom(junk)).rejects.toThrow(InvalidBackupError);
    await expect(store.restoreFrom(junk)).rejects.toThrow(/not a DuckDB database file/);
    expect(await store.workspaces.get('kept')).not.toBeNull();
  });

  it('refuses a DuckDB file without the migration ledger', async () => {
    const foreign = path.join(dir, 'foreign.duckdb');
    const instance = await DuckDBInstance.create(foreign);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE t (x INTEGER)');
    connection.disconnectSync();
    instance.closeSync();
    await expect(store.restoreFrom(foreign)).rejects.toThrow(/no schema_migrations table/);
  });

  it('refuses a backup written by a newer Cairn', async () => {
    const backup = path.join(dir, 'newer.duckdb');
    await store.backupTo(backup);
    const instance = await DuckDBInstance.create(backup);
    const connection = await instance.connect();
    await connection.run("INSERT INTO schema_migrations VALUES ('9999', '9999_future', 'x', now())");
    connection.disconnectSync();
    instance.closeSync();
    await expect(store.restoreFrom(backup)).rejects.toThrow(/newer Cairn \(unknown migrations 9999\)/);
    expect((await store.health()).open).toBe(true);
  });
});
