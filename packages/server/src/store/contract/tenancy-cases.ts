import { expect } from 'vitest';
import { UniqueViolationError } from '../port.js';
import { at, membership, user, workspace } from './fixtures.js';
import type { ContractCase } from './harness.js';

/** Workspaces, users and memberships. */
export const tenancyCases: ContractCase[] = [
  {
    name: 'workspaces: insert then get returns the same record; unknown ids give null',
    async run({ store }) {
      const ws = workspace({ name: 'Kundenservice Süd', timeZone: 'America/New_York', defaultLocale: 'en' });
      await store.workspaces.insert(ws);
      expect(await store.workspaces.get(ws.id)).toEqual(ws);
      expect(await store.workspaces.get(workspace().id)).toBeNull();
    },
  },
  {
    name: 'workspaces: a second insert with the same id is a UniqueViolationError',
    async run({ store }) {
      const ws = workspace();
      await store.workspaces.insert(ws);
      await expect(store.workspaces.insert({ ...ws, name: 'Copy' })).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
    },
  },
  {
    name: 'workspaces: listByIds returns only the requested ones, by name then id; [] for no ids',
    async run({ store }) {
      const [b, a, c] = [
        workspace({ name: 'Beta' }),
        workspace({ name: 'Alpha' }),
        workspace({ name: 'Gamma' }),
      ];
      for (const ws of [b, a, c]) await store.workspaces.insert(ws);
      expect(await store.workspaces.listByIds([c.id, b.id, a.id, workspace().id])).toEqual([a, b, c]);
      expect(await store.workspaces.listByIds([b.id])).toEqual([b]);
      expect(await store.workspaces.listByIds([])).toEqual([]);
    },
  },
  {
    name: 'workspaces: listAll returns every workspace by name then id',
    async run({ store }) {
      const twins = [workspace({ name: 'Same' }), workspace({ name: 'Same' })].sort((x, y) =>
        x.id < y.id ? -1 : 1,
      );
      const first = workspace({ name: 'A first' });
      for (const ws of [...twins, first]) await store.workspaces.insert(ws);
      expect(await store.workspaces.listAll()).toEqual([first, ...twins]);
    },
  },
  {
    name: 'workspaces: update changes only the given fields of the given workspace',
    async run({ store }) {
      const [ws, other] = [workspace(), workspace()];
      await store.workspaces.insert(ws);
      await store.workspaces.insert(other);
      await store.workspaces.update(ws.id, { timeZone: 'Asia/Tokyo' });
      expect(await store.workspaces.get(ws.id)).toEqual({ ...ws, timeZone: 'Asia/Tokyo' });
      await store.workspaces.update(ws.id, { name: 'Renamed', defaultLocale: 'en' });
      expect(await store.workspaces.get(ws.id)).toEqual({
        ...ws,
        timeZone: 'Asia/Tokyo',
        name: 'Renamed',
        defaultLocale: 'en',
      });
      expect(await store.workspaces.get(other.id)).toEqual(other);
    },
  },
  {
    name: 'users: insert, get and count',
    async run({ store }) {
      expect(await store.users.count()).toBe(0);
      const [u1, u2] = [user({ name: 'Zoë Ünal' }), user()];
      await store.users.insert(u1);
      await store.users.insert(u2);
      expect(await store.users.get(u1.id)).toEqual(u1);
      expect(await store.users.get(user().id)).toBeNull();
      expect(await store.users.count()).toBe(2);
    },
  },
  {
    name: 'users: getByEmail ignores case and returns the address as stored',
    async run({ store }) {
      const u = user({ email: 'Ada.Lovelace@Example.COM' });
      await store.users.insert(u);
      expect(await store.users.getByEmail('ada.lovelace@example.com')).toEqual(u);
      expect(await store.users.getByEmail('ADA.LOVELACE@EXAMPLE.COM')).toEqual(u);
      expect(await store.users.getByEmail('ada@example.com')).toBeNull();
    },
  },
  {
    name: 'users: one account per e-mail address ignoring case (UniqueViolationError), and unique ids',
    async run({ store }) {
      const u = user({ email: 'Grace@Example.com' });
      await store.users.insert(u);
      await expect(store.users.insert(user({ email: 'grace@example.COM' }))).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
      await expect(store.users.insert({ ...user(), id: u.id })).rejects.toBeInstanceOf(UniqueViolationError);
      expect(await store.users.count()).toBe(1);
    },
  },
  {
    name: 'users: listByIds returns the known users among the ids',
    async run({ store }) {
      const [u1, u2, u3] = [user(), user(), user()];
      for (const u of [u1, u2, u3]) await store.users.insert(u);
      const found = await store.users.listByIds([u3.id, u1.id, user().id]);
      expect(found.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([u1, u3]);
      expect(await store.users.listByIds([])).toEqual([]);
    },
  },
  {
    name: 'users: setPasswordHash replaces only that hash',
    async run({ store }) {
      const [u, other] = [user(), user()];
      await store.users.insert(u);
      await store.users.insert(other);
      await store.users.setPasswordHash(u.id, '$argon2id$new');
      expect(await store.users.get(u.id)).toEqual({ ...u, passwordHash: '$argon2id$new' });
      expect(await store.users.get(other.id)).toEqual(other);
    },
  },
  {
    name: 'memberships: upsert inserts, then changes the role and keeps createdAt',
    async run({ store }) {
      const m = membership(workspace().id, user().id, { role: 'owner', createdAt: at(1) });
      await store.memberships.upsert(m);
      expect(await store.memberships.get(m.workspaceId, m.userId)).toEqual(m);
      await store.memberships.upsert({ ...m, role: 'agent', createdAt: at(99) });
      expect(await store.memberships.get(m.workspaceId, m.userId)).toEqual({ ...m, role: 'agent' });
      expect(await store.memberships.listForWorkspace(m.workspaceId)).toHaveLength(1);
    },
  },
  {
    name: 'memberships: listForUser and listForWorkspace (by createdAt) see only their own',
    async run({ store }) {
      const [ws1, ws2, u1, u2] = [workspace().id, workspace().id, user().id, user().id];
      const later = membership(ws1, u1, { role: 'owner', createdAt: at(5) });
      const earlier = membership(ws1, u2, { role: 'viewer', createdAt: at(2) });
      const elsewhere = membership(ws2, u1, { role: 'admin' });
      for (const m of [later, earlier, elsewhere]) await store.memberships.upsert(m);
      expect(await store.memberships.listForWorkspace(ws1)).toEqual([earlier, later]);
      const ofU1 = await store.memberships.listForUser(u1);
      expect(ofU1.sort((x, y) => (x.workspaceId < y.workspaceId ? -1 : 1))).toEqual([later, elsewhere]);
      expect(await store.memberships.get(ws2, u2)).toBeNull();
    },
  },
  {
    name: 'memberships: remove deletes exactly one membership',
    async run({ store }) {
      const [ws1, ws2, u] = [workspace().id, workspace().id, user().id];
      await store.memberships.upsert(membership(ws1, u));
      await store.memberships.upsert(membership(ws2, u));
      await store.memberships.remove(ws1, u);
      expect(await store.memberships.get(ws1, u)).toBeNull();
      expect(await store.memberships.get(ws2, u)).not.toBeNull();
      await store.memberships.remove(ws1, u); // removing again is not an error
    },
  },
];
