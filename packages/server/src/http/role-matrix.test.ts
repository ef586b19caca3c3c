import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../domains/access/roles.js';
import {
  addMember,
  bearer,
  createWorkspace,
  logIn,
  mintToken,
  type Session,
  sessionHeaders,
  setUpInstance,
} from '../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Who may call what, for every /api/v1 route. The table is written by hand from docs/api-contract-foundation.md,
 * NOT derived from permissions.ts: a wrong predicate or a wrong access rule on a route must make this test fail.
 *
 * Columns: anonymous, the operator (admin token), API tokens of workspace A with each role, then cookie sessions of
 * members of A with each role. `ok` means the caller passes the access check and gets the row's probe status: the
 * probes send bodies that fail validation (400) or ids that do not exist (404), so nothing is changed by the matrix
 * and any 401/403 can only come from access control.
 */
const callerNames = [
  'anonymous',
  'operator',
  ...roles.map((r) => `token:${r}`),
  ...roles.map((r) => `session:${r}`),
] as const;

type Outcome = 'ok' | 401 | 403;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Row {
  method: Method;
  url: string;
  okStatus: number;
  outcomes: Outcome[];
}

function row(method: Method, url: string, okStatus: number, outcomes: string): Row {
  const parsed = outcomes
    .split(/\s+/)
    .filter((cell) => cell !== '' && cell !== '|')
    .map(
      (cell): Outcome => (cell === 'ok' ? 'ok' : cell === '401' ? 401 : cell === '403' ? 403 : fail(cell)),
    );
  if (parsed.length !== callerNames.length) throw new Error(`${method} ${url}: ${parsed.length} columns`);
  return { method, url, okStatus, outcomes: parsed };
}

function fail(cell: string): never {
  throw new Error(`unknown cell ${cell}`);
}

const ws = '/api/v1/workspaces/:workspaceId';
// biome-ignore format: aligned by hand so the table reads as a matrix
const table: Row[] = [
  //                                                                       API tokens of A       sessions in A
  //                                                             anon oper | own adm ana agt vie | own adm ana agt vie
  row('GET',    '/api/v1/setup',                           200, ' ok  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('POST',   '/api/v1/setup',                           400, ' ok  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('POST',   '/api/v1/auth/login',                      400, ' ok  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('GET',    '/api/v1/me',                              200, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('POST',   '/api/v1/users',                           400, '401  ok | 403 403 403 403 403 | 403 403 403 403 403'),
  row('GET',    '/api/v1/workspaces',                      200, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('POST',   '/api/v1/workspaces',                      400, '401  ok | 403 403 403 403 403 |  ok  ok  ok  ok  ok'),
  row('GET',    ws,                                        200, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('PATCH',  ws,                                        400, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('GET',    `${ws}/members`,                           200, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('POST',   `${ws}/members`,                           400, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('PATCH',  `${ws}/members/:userId`,                   400, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('DELETE', `${ws}/members/:userId`,                   404, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('GET',    `${ws}/tokens`,                            200, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('POST',   `${ws}/tokens`,                            400, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('DELETE', `${ws}/tokens/:tokenId`,                   404, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('GET',    `${ws}/write-keys`,                        200, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('POST',   `${ws}/write-keys`,                        400, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('DELETE', `${ws}/write-keys/:keyId`,                 404, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('GET',    `${ws}/audit-log`,                         200, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  // Profiles and imports (the collect engineer's routes): personal data for everyone but viewers; imports admin+.
  row('GET',    `${ws}/profiles`,                          200, '401  ok |  ok  ok  ok  ok 403 |  ok  ok  ok  ok 403'),
  row('GET',    `${ws}/profiles/lookup`,                   400, '401  ok |  ok  ok  ok  ok 403 |  ok  ok  ok  ok 403'),
  row('GET',    `${ws}/profiles/:profileId`,               404, '401  ok |  ok  ok  ok  ok 403 |  ok  ok  ok  ok 403'),
  row('GET',    `${ws}/profiles/:profileId/timeline`,      404, '401  ok |  ok  ok  ok  ok 403 |  ok  ok  ok  ok 403'),
  // Analytics: aggregates only, so every member may query (the analytics engineer's route).
  row('POST',   `${ws}/query`,                             400, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  // Text analytics (the text engineer's routes): taxonomy and emerging phrases for analysts and above. Probes:
  // ":topicId" fails the slug pattern (400); reset requires { confirm: true } (400), so nothing changes.
  row('GET',    `${ws}/text/taxonomy`,                     200, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('POST',   `${ws}/text/taxonomy/topics`,              400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('PATCH',  `${ws}/text/taxonomy/topics/:topicId`,     400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('DELETE', `${ws}/text/taxonomy/topics/:topicId`,     400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('POST',   `${ws}/text/taxonomy/reset`,               400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/text/emerging-topics`,              400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  // Surveys (the surveys engineer's routes): definitions readable by every member, managed by analysts and above;
  // single responses carry free text and profile links, so analysts and above only.
  row('GET',    `${ws}/surveys`,                           200, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('POST',   `${ws}/surveys`,                           400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('POST',   `${ws}/surveys/import`,                    400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/surveys/:surveyId`,                 404, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('PATCH',  `${ws}/surveys/:surveyId`,                 400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('POST',   `${ws}/surveys/:surveyId/status`,          400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/surveys/:surveyId/export`,          404, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('GET',    `${ws}/surveys/:surveyId/responses`,       404, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/surveys/:surveyId/responses.csv`,   404, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/survey-settings`,                   200, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('PATCH',  `${ws}/survey-settings`,                   400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/surveys/:surveyId/responses/:responseId`, 404, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('DELETE', `${ws}/surveys/:surveyId/responses/:responseId`, 404, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('POST',   `${ws}/surveys/:surveyId/responses/import`, 400, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  // E-mail invitations (survey distribution): analysts and above. Probes: {} names no invitees (400); the
  // reminder run looks up an unknown survey (404), so nothing is sent.
  row('POST',   `${ws}/surveys/:surveyId/invitations`,     400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('POST',   `${ws}/surveys/:surveyId/invitations/reminders`, 404, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/touchpoints`,                       200, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('POST',   `${ws}/touchpoints`,                       400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('PATCH',  `${ws}/touchpoints/:touchpointId`,         404, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('DELETE', `${ws}/touchpoints/:touchpointId`,         404, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/touchpoints/coverage`,              200, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('GET',    `${ws}/responses`,                         200, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/segments`,                          200, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('POST',   `${ws}/segments`,                          400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('PATCH',  `${ws}/segments/:segmentId`,               404, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('DELETE', `${ws}/segments/:segmentId`,               404, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  // Journeys and custom metrics (the analytics engineer's routes): read by every member, defined by analysts and
  // above. Probes: {} fails validation (400), an unknown id is 404, so nothing changes.
  row('GET',    `${ws}/journeys`,                          200, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('POST',   `${ws}/journeys`,                          400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/journeys/:journeyId`,               404, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('PUT',    `${ws}/journeys/:journeyId`,               400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('DELETE', `${ws}/journeys/:journeyId`,               404, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/metrics`,                           200, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('POST',   `${ws}/metrics`,                           400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('GET',    `${ws}/metrics/:metricId`,                 404, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
  row('PUT',    `${ws}/metrics/:metricId`,                 400, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('DELETE', `${ws}/metrics/:metricId`,                 404, '401  ok |  ok  ok  ok 403 403 |  ok  ok  ok 403 403'),
  row('POST',   `${ws}/events/import`,                     400, '401  ok |  ok  ok 403 403 403 |  ok  ok 403 403 403'),
  row('POST',   '/api/v1/admin/backup',                    200, '401  ok | 403 403 403 403 403 | 403 403 403 403 403'),
  // No Content-Type: the restore route refuses the upload (415) before reading it, so nothing is restored.
  row('POST',   '/api/v1/admin/restore',                   415, '401  ok | 403 403 403 403 403 | 403 403 403 403 403'),
  // Last: logging out ends the sessions the rows above use.
  row('POST',   '/api/v1/auth/logout',                     204, '401  ok |  ok  ok  ok  ok  ok |  ok  ok  ok  ok  ok'),
];

const unknownId = '01890000-0000-7000-8000-000000000000';
const key = (method: string, url: string) => `${method} ${url}`;

describe('role matrix: every /api/v1 route against every kind of caller', () => {
  let t: TestApp;
  let workspaceA: string;
  let workspaceB: string;
  const callers = new Map<string, { headers: (write: boolean) => Record<string, string>; ip: string }>();

  beforeAll(async () => {
    t = await startTestApp({ CAIRN_RATE_LIMIT_PER_MINUTE: '100000' });
    const { owner, workspaceId } = await setUpInstance(t);
    workspaceA = workspaceId;
    workspaceB = await createWorkspace(t, 'Other company');
    const sessions = new Map<string, Session>([['owner', owner]]);
    for (const [i, role] of roles.entries()) {
      if (role === 'owner') continue;
      await addMember(t, workspaceA, `${role}@example.com`, role);
      sessions.set(role, await logIn(t, `${role}@example.com`, undefined, `10.1.0.${i}`));
    }
    const add = (name: string, headers: (write: boolean) => Record<string, string>) =>
      callers.set(name, { headers, ip: `10.2.0.${callers.size}` });
    add('anonymous', () => ({}));
    add('operator', () => adminHeaders);
    for (const role of roles) {
      const { token } = await mintToken(t, workspaceA, role);
      add(`token:${role}`, () => bearer(token));
    }
    for (const role of roles) {
      const session = sessions.get(role) as Session;
      add(`session:${role}`, (write) => sessionHeaders(session, write));
    }
  });
  afterAll(() => t.close());

  const call = (method: Method, url: string, caller: string, workspaceId: string) => {
    const c = callers.get(caller);
    if (!c) throw new Error(`no caller ${caller}`);
    const write = method !== 'GET';
    return t.app.inject({
      method,
      url: url
        .replace(':workspaceId', workspaceId)
        .replace(
          /:(userId|tokenId|keyId|profileId|surveyId|responseId|touchpointId|journeyId|metricId|segmentId)/g,
          unknownId,
        ),
      headers: c.headers(write),
      remoteAddress: c.ip,
      ...(method === 'POST' || method === 'PUT' || method === 'PATCH' ? { payload: {} } : {}),
    });
  };

  it('has exactly one row per registered /api/v1 route', () => {
    const registered = t.app.declaredRoutes
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => key(r.method, r.url));
    const tabled = table.map((r) => key(r.method, r.url));
    expect({ withoutRow: registered.filter((k) => !tabled.includes(k)) }).toEqual({ withoutRow: [] });
    expect({ rowsForNoRoute: tabled.filter((k) => !registered.includes(k)) }).toEqual({ rowsForNoRoute: [] });
    expect(new Set(tabled).size).toBe(tabled.length);
  });

  it('refuses callers from workspace A on every route of workspace B', async () => {
    const mismatches: string[] = [];
    for (const r of table.filter((row) => row.url.includes(':workspaceId'))) {
      for (const name of ['token:owner', 'token:admin', 'session:owner', 'session:admin']) {
        const res = await call(r.method, r.url, name, workspaceB);
        if (res.statusCode !== 403) mismatches.push(`${name} ${r.method} ${r.url}: got ${res.statusCode}`);
        else if (res.json().error.code !== 'CAIRN_FORBIDDEN')
          mismatches.push(`${name} ${r.method} ${r.url}: code`);
      }
      const operator = await call(r.method, r.url, 'operator', workspaceB);
      if (operator.statusCode !== r.okStatus)
        mismatches.push(`operator ${r.method} ${r.url}: ${operator.statusCode}`);
    }
    expect(mismatches).toEqual([]);
  });

  // In table order, so the logout row (last) runs after every other request that needs a session.
  for (const r of table) {
    it(`${r.method} ${r.url}`, async () => {
      const mismatches: string[] = [];
      for (const [i, name] of callerNames.entries()) {
        const expected = r.outcomes[i] === 'ok' ? r.okStatus : (r.outcomes[i] as number);
        const res = await call(r.method, r.url, name, workspaceA);
        if (res.statusCode !== expected)
          mismatches.push(`${name}: expected ${expected}, got ${res.statusCode} ${res.body}`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});
