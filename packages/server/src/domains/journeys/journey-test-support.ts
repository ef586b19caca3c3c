import { adminHeaders, type TestApp } from '../../test-support/test-app.js';

/** Registry and journey set-up through the public API, for the journey and key-moment tests. */
export function journeyApi(t: TestApp, workspaceId: string) {
  const ws = `/api/v1/workspaces/${workspaceId}`;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `${ws}${url}`, headers: adminHeaders, ...(payload ? { payload } : {}) });
  const touchpoint = async (name: string, rules: object[], stage: string | null = null) => {
    const res = await call('POST', '/touchpoints', { name, channel: 'web', stage, rules });
    if (res.statusCode !== 201) throw new Error(`touchpoint: ${res.body}`);
    return res.json().id as string;
  };
  return { call, touchpoint };
}

/** The profile an identity resolved to (as stored, not through merges), for writing survey answers keyed to it. */
export async function profileOf(
  database: { autocommit: { all(sql: string, params: string[]): Promise<Record<string, unknown>[]> } },
  workspaceId: string,
  value: string,
  kind: 'user_id' | 'anonymous_id' = 'user_id',
): Promise<string> {
  const rows = await database.autocommit.all(
    `SELECT profile_id AS id FROM identities WHERE workspace_id = $1 AND kind = $2 AND value = $3`,
    [workspaceId, kind, value],
  );
  if (!rows[0]) throw new Error(`no profile for ${kind} ${value}`);
  return String(rows[0].id);
}
