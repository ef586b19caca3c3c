import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomSecret, sha256Hex } from '../../domains/access/secrets.js';
import type { WorkspaceRecord } from '../../store/port.js';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

const workspace = (id: string): WorkspaceRecord => ({
  id,
  name: id,
  requireConsent: false,
  timeZone: 'Europe/Berlin',
  defaultLocale: 'de',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('admin routes: backup and restore', () => {
  let t: TestApp;
  let ownerToken: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.store.workspaces.insert(workspace('ws-1'));
    ownerToken = randomSecret('cairn_pat_');
    await t.store.apiTokens.insert({
      id: 'tok-1',
      workspaceId: 'ws-1',
      name: 'owner',
      role: 'owner',
      tokenHash: sha256Hex(ownerToken),
      prefix: ownerToken.slice(0, 12),
      createdBy: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    });
  });
  afterAll(() => t?.close());

  const backup = () => t.app.inject({ method: 'POST', url: '/api/v1/admin/backup', headers: adminHeaders });
  const restore = (payload: Buffer | string, contentType = 'application/octet-stream') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/restore',
      headers: { ...adminHeaders, 'content-type': contentType },
      payload,
    });

  it('needs authentication, and the operator: a workspace owner is not enough', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/admin/backup' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('CAIRN_UNAUTHENTICATED');
    for (const url of ['/api/v1/admin/backup', '/api/v1/admin/restore']) {
      const owner = await t.app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/octet-stream' },
        payload: Buffer.from('x'),
      });
      expect(owner.statusCode).toBe(403);
      expect(owner.json().error.code).toBe('CAIRN_FORBIDDEN');
    }
  });

  it('streams a DuckDB file and leaves no scratch file behind', async () => {
    const res = await backup();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cairn-\d{8}T\d{6}Z\.duckdb"$/);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.subarray(8, 12).toString()).toBe('DUCK');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(path.join(t.dataDir, 'tmp'))).toEqual([]);
  });

  it('restores a backup: later data is gone, earlier data is back', async () => {
    const file = (await backup()).rawPayload;
    await t.store.workspaces.insert(workspace('ws-after-backup'));
    const res = await restore(file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ restored: true });
    expect(res.json().previousDataKeptAt).toContain('cairn.duckdb.before-restore-');
    expect(await t.store.workspaces.get('ws-1')).not.toBeNull();
    expect(await t.store.workspaces.get('ws-after-backup')).toBeNull();
    expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
    expect(await readdir(path.join(t.dataDir, 'tmp'))).toEqual([]);
  });

  it('drops what the running app cached from the replaced data', async () => {
    const { writeKey, workspaceId } = await workspaceWithWriteKey(t.app);
    const send = (messageId: string, userId: string) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/batch',
        headers: { authorization: basicAuth(writeKey) },
        payload: { batch: [{ type: 'track', messageId, userId, event: 'Order Completed' }] },
      });
    expect((await send('m-before', 'u-before')).json().stored).toBe(1);
    const file = (await backup()).rawPayload;
    expect((await send('m-after', 'u-after')).json().stored).toBe(1);
    expect((await restore(file)).statusCode).toBe(200);
    // m-after is not in the restored data, so it is new again (not a duplicate), and u-after gets a real profile.
    expect((await send('m-after', 'u-after')).json()).toMatchObject({ stored: 1, duplicates: 0 });
    const profile = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/profiles/lookup?userId=u-after`,
      headers: adminHeaders,
    });
    expect(profile.statusCode).toBe(200);
    const timeline = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/profiles/${profile.json().id}/timeline`,
      headers: adminHeaders,
    });
    expect(timeline.json().items).toHaveLength(1);
  });

  it('rejects an upload that is not a backup, with the envelope, and keeps the data', async () => {
    const res = await restore(Buffer.alloc(4096, 1));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'CAIRN_BAD_REQUEST',
      message:
        'The request cannot be processed: Not a usable Cairn backup: it is not a DuckDB database file.',
    });
    expect(await t.store.workspaces.get('ws-1')).not.toBeNull();
  });

  it('accepts only application/octet-stream and refuses an empty body', async () => {
    const json = await restore('{"a":1}', 'application/json');
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('CAIRN_UNSUPPORTED_MEDIA_TYPE');
    const empty = await restore(Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('CAIRN_BAD_REQUEST');
  });

  it('documents both routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/admin/backup'].post.responses['200'].content).toHaveProperty(
      'application/octet-stream',
    );
    expect(doc.paths['/api/v1/admin/restore'].post).toBeDefined();
  });
});
