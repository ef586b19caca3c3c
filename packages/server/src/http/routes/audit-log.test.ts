import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions } from '../../domains/access/audit.js';
import {
  bearer,
  expectStatus,
  memberPassword,
  mintToken,
  type SetUpInstance,
  sessionHeaders,
  setUpInstance,
  storedRows,
} from '../../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

interface Entry {
  id: string;
  action: string;
  actorType: string;
  actorId: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

describe('audit log', () => {
  let t: TestApp;
  let instance: SetUpInstance;
  let base: string;
  let adminTokenId: string;
  const expected: Omit<Entry, 'id' | 'details' | 'ip'>[] = [];

  /** Performs one administrative action and notes the audit entry it must leave. */
  async function act(
    headers: Record<string, string>,
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload: object | undefined,
    entry: Omit<Entry, 'id' | 'details' | 'ip' | 'targetId'> & { targetId?: string },
  ) {
    const res = await t.app.inject({
      method,
      url,
      headers,
      remoteAddress: '192.0.2.7',
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    const body = res.body ? res.json() : {};
    expected.push({ ...entry, targetId: entry.targetId ?? body.userId ?? body.id });
    return body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    instance = await setUpInstance(t);
    base = `/api/v1/workspaces/${instance.workspaceId}`;
    const admin = await mintToken(t, instance.workspaceId, 'admin');
    adminTokenId = admin.id;
    const owner = { actorType: 'user', actorId: instance.owner.userId };
    const viaToken = { actorType: 'api-token', actorId: adminTokenId };
    const ownerHeaders = sessionHeaders(instance.owner);

    await act(
      ownerHeaders,
      'PATCH',
      base,
      { name: 'Acme 2' },
      { action: 'workspace.update', targetType: 'workspace', targetId: instance.workspaceId, ...owner },
    );
    const member = await act(
      bearer(admin.token),
      'POST',
      `${base}/members`,
      { email: 'm@example.com', role: 'viewer', password: memberPassword },
      { action: 'member.add', targetType: 'user', ...viaToken },
    );
    expected.splice(-1, 0, {
      action: 'user.create',
      targetType: 'user',
      targetId: member.userId,
      ...viaToken,
    });
    await act(
      bearer(admin.token),
      'PATCH',
      `${base}/members/${member.userId}`,
      { role: 'agent' },
      { action: 'member.role-change', targetType: 'user', targetId: member.userId, ...viaToken },
    );
    await act(ownerHeaders, 'DELETE', `${base}/members/${member.userId}`, undefined, {
      action: 'member.remove',
      targetType: 'user',
      targetId: member.userId,
      ...owner,
    });
    const token = await act(
      ownerHeaders,
      'POST',
      `${base}/tokens`,
      { name: 'tmp', role: 'viewer' },
      { action: 'token.create', targetType: 'api-token', ...owner },
    );
    await act(ownerHeaders, 'DELETE', `${base}/tokens/${token.id}`, undefined, {
      action: 'token.revoke',
      targetType: 'api-token',
      targetId: token.id,
      ...owner,
    });
    const key = await act(
      bearer(admin.token),
      'POST',
      `${base}/write-keys`,
      { name: 'site' },
      { action: 'writeKey.create', targetType: 'write-key', ...viaToken },
    );
    await act(bearer(admin.token), 'DELETE', `${base}/write-keys/${key.id}`, undefined, {
      action: 'writeKey.revoke',
      targetType: 'write-key',
      targetId: key.id,
      ...viaToken,
    });
  });
  afterAll(() => t.close());

  async function wholeLog(limit: number): Promise<{ pages: number; entries: Entry[] }> {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = expectStatus(
        await t.app.inject({ url: `${base}/audit-log?${query}`, headers: adminHeaders }),
        200,
      ).json();
      entries.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    return { pages, entries };
  }

  it('has an entry for each administrative action, naming actor and target, newest first', async () => {
    const oldestFirst = (await wholeLog(100)).entries.reverse();
    // Before the actions above: the setup itself and the operator minting the admin token.
    expect(oldestFirst.slice(0, 2).map((e) => e.action)).toEqual(['setup.complete', 'token.create']);
    const actions = oldestFirst.slice(2);
    expect(
      actions.map(({ action, actorType, actorId, targetType, targetId }) => ({
        action,
        actorType,
        actorId,
        targetType,
        targetId,
      })),
    ).toEqual(expected);
    expect(new Set(actions.map((e) => e.ip))).toEqual(new Set(['192.0.2.7']));
  });

  it('covers setup, workspace creation and the operator too', async () => {
    const { entries } = await wholeLog(100);
    expect(entries.at(-1)).toMatchObject({
      action: 'setup.complete',
      actorType: 'user',
      actorId: instance.owner.userId,
    });
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'token.create', actorType: 'admin-token', targetId: adminTokenId }),
    );
    const created = expectStatus(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/workspaces',
        headers: adminHeaders,
        payload: { name: 'N' },
      }),
      201,
    ).json();
    const [entry] = await storedRows(t, "SELECT * FROM audit_log WHERE action = 'workspace.create'");
    expect(entry).toMatchObject({
      workspace_id: created.id,
      actor_type: 'admin-token',
      target_id: created.id,
    });
    // Every action this domain knows has appeared at least once in this test file.
    const seen = new Set((await storedRows(t, 'SELECT DISTINCT action FROM audit_log')).map((r) => r.action));
    expect(auditActions.filter((a) => !seen.has(a))).toEqual([]);
  });

  it('never stores secrets in details', async () => {
    const rows = await storedRows(t, 'SELECT CAST(details AS VARCHAR) AS d FROM audit_log');
    for (const { d } of rows) expect(String(d)).not.toMatch(/cairn_pat_[\w-]{20}|argon2|password/i);
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const all = await wholeLog(100);
    const paged = await wholeLog(3);
    expect(paged.pages).toBe(Math.ceil(all.entries.length / 3));
    expect(paged.entries.map((e) => e.id)).toEqual(all.entries.map((e) => e.id));
  });

  it('refuses limits outside 1..500, naming the parameter', async () => {
    const res = await t.app.inject({ url: `${base}/audit-log?limit=0`, headers: adminHeaders });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('querystring.limit');
  });
});
