import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  cairnEnv,
  makeDataDir,
  processTestTimeouts,
  removeDataDir,
  runCli,
  type ServerProcess,
  startServer,
} from './support/cairn-process.js';

const password = 'a long enough password';

async function cli(args: string[], env: Record<string, string>): Promise<string> {
  const result = await runCli(args, env);
  if (result.code !== 0) throw new Error(`cairn ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout.trim();
}

/** Creates a workspace, a member and a token with the CLI; returns what the API must then accept. */
async function provision(env: Record<string, string>, tag: string) {
  const workspaceId = await cli(['workspace', 'create', '--name', `Acme ${tag}`], env);
  const email = `analyst-${tag}@example.com`;
  const userId = await cli(
    [
      'user',
      'create',
      '--email',
      email,
      '--password',
      password,
      '--workspace',
      workspaceId,
      '--role',
      'analyst',
    ],
    env,
  );
  const token = await cli(
    ['token', 'create', '--workspace', workspaceId, '--role', 'viewer', '--name', 'ci'],
    env,
  );
  return { workspaceId, email, userId, token };
}

/** The token reads its workspace, and the user signs in and is an analyst there. */
async function expectUsable(url: string, p: Awaited<ReturnType<typeof provision>>) {
  const read = await api(url, 'GET', `/api/v1/workspaces/${p.workspaceId}`, undefined, {
    authorization: `Bearer ${p.token}`,
  });
  expect(read.status).toBe(200);
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: p.email, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const me = await fetch(`${url}/api/v1/me`, { headers: { cookie } });
  const body = (await me.json()) as { workspaces: { id: string; role: string }[] };
  expect(body.workspaces).toContainEqual(expect.objectContaining({ id: p.workspaceId, role: 'analyst' }));
}

describe('cairn CLI with and without a running server', processTestTimeouts, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await makeDataDir();
    env = cairnEnv(dataDir);
  });
  afterAll(() => removeDataDir(dataDir));

  it('works on the store file when no server runs, and the results work against the API', async () => {
    expect(await cli(['migrate'], env)).toContain('0001_access');
    const provisioned = await provision(env, 'offline');
    const server = await startServer(env);
    try {
      await expectUsable(server.url, provisioned);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  describe('while a server runs', () => {
    let server: ServerProcess;
    beforeAll(async () => {
      server = await startServer(env);
    });
    afterAll(async () => {
      if (server) expect(await server.stop()).toBe(0);
    });

    it('talks to the server (which holds the store file) and the results work at once', async () => {
      const provisioned = await provision(env, 'online');
      await expectUsable(server.url, provisioned);
      const migrate = await runCli(['migrate'], env);
      expect(migrate.stderr).toContain(`A server (pid ${server.child.pid}) owns the store`);
    });

    it('prints the error envelope message and exits 1 when the API refuses', async () => {
      const missing = '0190f0c0-0000-7000-8000-000000000000';
      const result = await runCli(['token', 'create', '--workspace', missing, '--role', 'viewer'], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Error \(CAIRN_NOT_FOUND\): .*0190f0c0-0000-7000-8000-000000000000/m);
      expect(result.stdout).toBe('');
    });
  });

  it('rejects bad options before connecting', async () => {
    const result = await runCli(['token', 'create', '--workspace', 'x', '--role', 'emperor'], env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("argument 'emperor' is invalid");
    const pairing = await runCli(
      ['user', 'create', '--email', 'a@b.c', '--password', password, '--role', 'admin'],
      env,
    );
    expect(pairing.code).toBe(1);
    expect(pairing.stderr).toContain('--workspace and --role go together');
  });
});
