import type { CairnApp } from '../http/app.js';
import { adminHeaders } from './test-app.js';

/** Creates a workspace and a write key through the public API, as a deployment script would. */
export async function workspaceWithWriteKey(
  app: CairnApp,
  name = 'Shop',
): Promise<{ workspaceId: string; writeKey: string }> {
  const ws = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces',
    headers: adminHeaders,
    payload: { name },
  });
  if (ws.statusCode !== 201) throw new Error(`workspace: ${ws.statusCode} ${ws.body}`);
  const workspaceId = ws.json().id as string;
  const key = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/write-keys`,
    headers: adminHeaders,
    payload: { name: 'web' },
  });
  if (key.statusCode !== 201) throw new Error(`write key: ${key.statusCode} ${key.body}`);
  return { workspaceId, writeKey: key.json().key as string };
}

export const basicAuth = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
