import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { type Store, UniqueViolationError } from '../port.js';
import { apiToken, at, auditEntry, membership, session, user, workspace, writeKey } from './fixtures.js';
import type { ContractCase } from './harness.js';

async function pageThrough(store: Store, workspaceId: string, limit: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.audit.list(workspaceId, { limit, cursor });
    pages.push(page.items.map((e) => e.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

/** One record in every repository; returns what a copy of the store must contain. */
async function seedEveryRepo(store: Store) {
  const ws = workspace();
  const u = user({ email: 'Backup.Person@Example.com' });
  const m = membership(ws.id, u.id, { role: 'owner' });
  const t = apiToken(ws.id, { revokedAt: at(3), lastUsedAt: at(2) });
  const k = writeKey(ws.id);
  const s = session(u.id);
  const e = auditEntry(ws.id, { details: { nested: { list: [1, 'zwei', null] }, umlaut: 'Grüße' } });
  await store.workspaces.insert(ws);
  await store.users.insert(u);
  await store.memberships.upsert(m);
  await store.apiTokens.insert(t);
  await store.writeKeys.insert(k);
  await store.sessions.insert(s);
  await store.audit.append(e);
  return { ws, u, m, t, k, s, e };
}

/** The audit log, transactions, backups and the store's life cycle. */
export const auditAndLifecycleCases: ContractCase[] = [
  {
    name: 'audit: append then list newest first, with details and nulls intact, per workspace',
    async run({ store }) {
      const ws = workspace().id;
      const first = auditEntry(ws, {
        details: { from: { name: 'A' }, to: { name: 'B' }, count: 3, ok: true },
      });
      const second = auditEntry(ws, {
        actorType: 'admin-token',
        actorId: null,
        targetType: null,
        targetId: null,
        ip: null,
        details: {},
      });
      await store.audit.append(first);
      await store.audit.append(second);
      await store.audit.append(auditEntry(workspace().id));
      await store.audit.append(auditEntry(null, { action: 'user.create' }));
      expect(await store.audit.list(ws, { limit: 10 })).toEqual({ items: [second, first], nextCursor: null });
    },
  },
  {
    name: 'audit: cursor pagination visits every entry once, newest first',
    async run({ store }) {
      const ws = workspace().id;
      const entries = Array.from({ length: 7 }, (_, i) => auditEntry(ws, { at: at(i) }));
      for (const e of entries) await store.audit.append(e);
      const newestFirst = entries.map((e) => e.id).reverse();
      expect(await pageThrough(store, ws, 3)).toEqual([
        newestFirst.slice(0, 3),
        newestFirst.slice(3, 6),
        newestFirst.slice(6),
      ]);
      // A page that ends exactly at the last entry says there is no next page.
      expect(await pageThrough(store, ws, 7)).toEqual([newestFirst]);
      expect(await store.audit.list(workspace().id, { limit: 5 })).toEqual({ items: [], nextCursor: null });
    },
  },
  {
    name: 'transaction: commits every write together and returns the result',
    async run({ store }) {
      const [ws, u] = [workspace(), user()];
      const result = await store.transaction(async (tx) => {
        await tx.workspaces.insert(ws);
        await tx.users.insert(u);
        await tx.memberships.upsert(membership(ws.id, u.id, { role: 'owner' }));
        // Reads inside the transaction see its own writes.
        expect(await tx.users.getByEmail(u.email)).toEqual(u);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.workspaces.get(ws.id)).toEqual(ws);
      expect(await store.memberships.get(ws.id, u.id)).not.toBeNull();
    },
  },
  {
    name: 'transaction: a thrown error rolls back every write and is rethrown unchanged',
    async run({ store }) {
      const { ws, u, t, k, s, e } = {
        ws: workspace(),
        u: user(),
        t: apiToken(workspace().id),
        k: writeKey(workspace().id),
        s: session(user().id),
        e: auditEntry(null),
      };
      const failure = new Error('boom');
      const attempt = store.transaction(async (tx) => {
        await tx.workspaces.insert(ws);
        await tx.users.insert(u);
        await tx.memberships.upsert(membership(ws.id, u.id));
        await tx.apiTokens.insert(t);
        await tx.writeKeys.insert(k);
        await tx.sessions.insert(s);
        await tx.audit.append(e);
        throw failure;
      });
      await expect(attempt).rejects.toBe(failure);
      expect(await store.workspaces.get(ws.id)).toBeNull();
      expect(await store.users.count()).toBe(0);
      expect(await store.memberships.listForUser(u.id)).toEqual([]);
      expect(await store.apiTokens.getByHash(t.tokenHash)).toBeNull();
      expect(await store.writeKeys.getByKey(k.key)).toBeNull();
      expect(await store.sessions.getByHash(s.idHash)).toBeNull();
      expect(await store.audit.list(ws.id, { limit: 5 })).toEqual({ items: [], nextCursor: null });
    },
  },
  {
    name: 'transaction: a unique violation inside rolls back the earlier writes too',
    async run({ store }) {
      const existing = user({ email: 'taken@example.com' });
      await store.users.insert(existing);
      const ws = workspace();
      const attempt = store.transaction(async (tx) => {
        await tx.workspaces.insert(ws);
        await tx.users.insert(user({ email: 'TAKEN@example.com' }));
      });
      await expect(attempt).rejects.toBeInstanceOf(UniqueViolationError);
      expect(await store.workspaces.get(ws.id)).toBeNull();
      // The store stays usable after a failed transaction.
      await store.workspaces.insert(ws);
      expect(await store.workspaces.get(ws.id)).toEqual(ws);
    },
  },
  {
    name: 'lifecycle: migrate again applies nothing and health reports a migrated store',
    async run({ store }) {
      expect(await store.migrate()).toEqual([]);
      expect(await store.health()).toEqual({ open: true, migrated: true, pendingMigrations: [] });
    },
  },
  {
    name: 'backupTo: writes a file that opens as a store with the same data and rules',
    async run({ store, scratchDir, openBackup }) {
      const seeded = await seedEveryRepo(store);
      const file = path.join(scratchDir, 'backup.file');
      await store.backupTo(file);
      expect(existsSync(file)).toBe(true);
      // The original stays open and writable.
      await store.workspaces.insert(workspace());
      const copy = await openBackup(file);
      expect(await copy.workspaces.listAll()).toEqual([seeded.ws]);
      expect(await copy.users.getByEmail('backup.person@example.com')).toEqual(seeded.u);
      expect(await copy.memberships.listForWorkspace(seeded.ws.id)).toEqual([seeded.m]);
      expect(await copy.apiTokens.listForWorkspace(seeded.ws.id)).toEqual([seeded.t]);
      expect(await copy.writeKeys.listForWorkspace(seeded.ws.id)).toEqual([seeded.k]);
      expect(await copy.sessions.getByHash(seeded.s.idHash)).toEqual(seeded.s);
      expect(await copy.audit.list(seeded.ws.id, { limit: 5 })).toEqual({
        items: [seeded.e],
        nextCursor: null,
      });
      await expect(copy.users.insert(user({ email: 'BACKUP.person@example.com' }))).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
    },
  },
  {
    name: 'backupTo: refuses to overwrite an existing file',
    async run({ store, scratchDir }) {
      const file = path.join(scratchDir, 'backup.file');
      await store.backupTo(file);
      await expect(store.backupTo(file)).rejects.toThrow();
    },
  },
  {
    name: 'close: afterwards calls fail and health reports the store closed',
    async run({ store }) {
      await store.close();
      await expect(store.workspaces.get(workspace().id)).rejects.toThrow();
      await expect(store.users.insert(user())).rejects.toThrow();
      // health may answer "not open" or fail like every other call; it must not claim the store is open.
      const health = await store.health().catch(() => ({ open: false }));
      expect(health.open).toBe(false);
    },
  },
];
