import { expect } from 'vitest';
import { UniqueViolationError } from '../port.js';
import { apiToken, at, session, user, workspace, writeKey } from './fixtures.js';
import type { ContractCase } from './harness.js';

/** API tokens, write keys and sessions. */
export const credentialCases: ContractCase[] = [
  {
    name: 'apiTokens: insert, then find by hash and by workspace + id only',
    async run({ store }) {
      const [ws, other] = [workspace().id, workspace().id];
      const t = apiToken(ws, { createdBy: user().id, role: 'owner' });
      await store.apiTokens.insert(t);
      expect(await store.apiTokens.getByHash(t.tokenHash)).toEqual(t);
      expect(await store.apiTokens.get(ws, t.id)).toEqual(t);
      expect(await store.apiTokens.get(other, t.id)).toBeNull();
      expect(await store.apiTokens.getByHash('0'.repeat(64))).toBeNull();
    },
  },
  {
    name: 'apiTokens: token hashes are unique (UniqueViolationError)',
    async run({ store }) {
      const t = apiToken(workspace().id);
      await store.apiTokens.insert(t);
      await expect(
        store.apiTokens.insert(apiToken(workspace().id, { tokenHash: t.tokenHash })),
      ).rejects.toBeInstanceOf(UniqueViolationError);
    },
  },
  {
    name: 'apiTokens: listForWorkspace gives that workspace only, newest first',
    async run({ store }) {
      const ws = workspace().id;
      const old = apiToken(ws, { createdAt: at(1) });
      const recent = apiToken(ws, { createdAt: at(2) });
      await store.apiTokens.insert(old);
      await store.apiTokens.insert(recent);
      await store.apiTokens.insert(apiToken(workspace().id));
      expect(await store.apiTokens.listForWorkspace(ws)).toEqual([recent, old]);
    },
  },
  {
    name: 'apiTokens: revoke stamps revokedAt once, and only within the given workspace',
    async run({ store }) {
      const ws = workspace().id;
      const t = apiToken(ws);
      await store.apiTokens.insert(t);
      await store.apiTokens.revoke(workspace().id, t.id, at(3));
      expect((await store.apiTokens.get(ws, t.id))?.revokedAt).toBeNull();
      await store.apiTokens.revoke(ws, t.id, at(5));
      await store.apiTokens.revoke(ws, t.id, at(9));
      expect(await store.apiTokens.getByHash(t.tokenHash)).toEqual({ ...t, revokedAt: at(5) });
    },
  },
  {
    name: 'apiTokens: touch sets lastUsedAt',
    async run({ store }) {
      const t = apiToken(workspace().id);
      await store.apiTokens.insert(t);
      await store.apiTokens.touch(t.id, at(7));
      expect(await store.apiTokens.getByHash(t.tokenHash)).toEqual({ ...t, lastUsedAt: at(7) });
    },
  },
  {
    name: 'writeKeys: insert, then find by key and by workspace + id only',
    async run({ store }) {
      const ws = workspace().id;
      const k = writeKey(ws);
      await store.writeKeys.insert(k);
      expect(await store.writeKeys.getByKey(k.key)).toEqual(k);
      expect(await store.writeKeys.get(ws, k.id)).toEqual(k);
      expect(await store.writeKeys.get(workspace().id, k.id)).toBeNull();
      expect(await store.writeKeys.getByKey('cairn_wk_unknown')).toBeNull();
    },
  },
  {
    name: 'writeKeys: keys are unique (UniqueViolationError)',
    async run({ store }) {
      const k = writeKey(workspace().id);
      await store.writeKeys.insert(k);
      await expect(store.writeKeys.insert(writeKey(workspace().id, { key: k.key }))).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
    },
  },
  {
    name: 'writeKeys: listForWorkspace newest first; revoke stamps once within the workspace',
    async run({ store }) {
      const ws = workspace().id;
      const [old, recent] = [writeKey(ws, { createdAt: at(1) }), writeKey(ws, { createdAt: at(2) })];
      for (const k of [old, recent, writeKey(workspace().id)]) await store.writeKeys.insert(k);
      expect(await store.writeKeys.listForWorkspace(ws)).toEqual([recent, old]);
      await store.writeKeys.revoke(workspace().id, old.id, at(3));
      await store.writeKeys.revoke(ws, old.id, at(4));
      await store.writeKeys.revoke(ws, old.id, at(8));
      expect(await store.writeKeys.listForWorkspace(ws)).toEqual([recent, { ...old, revokedAt: at(4) }]);
    },
  },
  {
    name: 'sessions: insert, get by hash, remove',
    async run({ store }) {
      const s = session(user().id);
      const other = session(s.userId);
      await store.sessions.insert(s);
      await store.sessions.insert(other);
      expect(await store.sessions.getByHash(s.idHash)).toEqual(s);
      await store.sessions.remove(s.idHash);
      expect(await store.sessions.getByHash(s.idHash)).toBeNull();
      expect(await store.sessions.getByHash(other.idHash)).toEqual(other);
      await store.sessions.remove(s.idHash); // removing again is not an error
    },
  },
  {
    name: 'sessions: removeExpired deletes sessions expiring at or before now and counts them',
    async run({ store }) {
      const u = user().id;
      const [gone, boundary, alive] = [
        session(u, { expiresAt: at(10) }),
        session(u, { expiresAt: at(20) }),
        session(u, { expiresAt: at(21) }),
      ];
      for (const s of [gone, boundary, alive]) await store.sessions.insert(s);
      expect(await store.sessions.removeExpired(at(20))).toBe(2);
      expect(await store.sessions.getByHash(alive.idHash)).toEqual(alive);
      expect(await store.sessions.getByHash(boundary.idHash)).toBeNull();
      expect(await store.sessions.removeExpired(at(20))).toBe(0);
    },
  },
];
