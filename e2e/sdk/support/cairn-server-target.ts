import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { IngestedEvent, IngestTarget } from './ingest-target.js';
import { pollUntil } from './ingest-target.js';

const serverSource = (relative: string) =>
  fileURLToPath(new URL(`../../../packages/server/src/${relative}`, import.meta.url));

/** The ingestion API and the profile API this target needs; the test is skipped (with this reason) without them. */
export const cairnServerIngestion = {
  available:
    existsSync(serverSource('http/routes/collect.ts')) && existsSync(serverSource('http/routes/profiles.ts')),
  reason: 'packages/server has no /v1/batch (routes/collect.ts) or profile API (routes/profiles.ts) yet',
};

interface TimelineItem {
  messageId: string;
  type: string;
  event: string | null;
  userId: string | null;
  channel: string;
  context: Record<string, unknown>;
}

/**
 * The real Cairn server: `buildApp` on a DuckDB file in a temporary directory (via the server's own test
 * support), listening on a loopback port; the workspace and write key are created over HTTP with the admin
 * token, as a deployment script would.
 */
export async function startCairnServerTarget(): Promise<IngestTarget> {
  const { startTestApp, adminHeaders } = await import(
    '../../../packages/server/src/test-support/test-app.js'
  );
  const server = await startTestApp();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const host = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const api = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${host}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { ...adminHeaders, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const workspace = await api('/workspaces', { method: 'POST', body: { name: 'SDK e2e' } });
  if (workspace.status !== 201)
    throw new Error(`create workspace: ${workspace.status} ${JSON.stringify(workspace.body)}`);
  const workspaceId = workspace.body.id as string;
  const key = await api(`/workspaces/${workspaceId}/write-keys`, {
    method: 'POST',
    body: { name: 'browser' },
  });
  if (key.status !== 201) throw new Error(`create write key: ${key.status} ${JSON.stringify(key.body)}`);

  const timelineOf = async (anonymousId: string): Promise<IngestedEvent[]> => {
    const profile = await api(
      `/workspaces/${workspaceId}/profiles/lookup?anonymousId=${encodeURIComponent(anonymousId)}`,
    );
    if (profile.status === 404) return [];
    if (profile.status !== 200) throw new Error(`lookup: ${profile.status} ${JSON.stringify(profile.body)}`);
    const timeline = await api(
      `/workspaces/${workspaceId}/profiles/${profile.body.id as string}/timeline?limit=100`,
    );
    if (timeline.status !== 200)
      throw new Error(`timeline: ${timeline.status} ${JSON.stringify(timeline.body)}`);
    return (timeline.body.items as TimelineItem[]).map(
      ({ messageId, type, event, userId, channel, context }) => ({
        messageId,
        type,
        event,
        userId,
        channel,
        context,
      }),
    );
  };

  return {
    label: 'Cairn server',
    host,
    writeKey: key.body.key as string,
    eventsOf: (anonymousId, isComplete) => pollUntil(() => timelineOf(anonymousId), isComplete),
    close: () => server.close(),
  };
}
