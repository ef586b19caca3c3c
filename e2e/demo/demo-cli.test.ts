import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  cairnEnv,
  makeDataDir,
  processTestTimeouts,
  removeDataDir,
  runCli,
  startServer,
} from '../support/cairn-process.js';

/** `cairn generate` and `cairn demo` as real CLI processes. */
describe('cairn generate and cairn demo', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = await makeDataDir();
    env = cairnEnv(dataDir);
  });
  afterAll(() => removeDataDir(dataDir));

  it(
    'writes exactly N events as NDJSON, the same bytes for the same seed, and reports speed and memory',
    async () => {
      const files = [path.join(dataDir, 'a.ndjson'), path.join(dataDir, 'b.ndjson')];
      for (const file of files) {
        const run = await runCli(['generate', '--events', '3000', '--seed', '2', '--out', file], env);
        expect(run.code, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ events: 3000 });
        expect(run.stderr).toMatch(/events\/s, peak RSS \d+ MiB/);
      }
      const [a, b] = await Promise.all(files.map((f) => readFile(f, 'utf8')));
      expect(a).toBe(b);
      const lines = (a as string)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string });
      expect(lines.filter((l) => l.type !== 'survey_response')).toHaveLength(3000);
    },
    processTestTimeouts.timeout,
  );

  it(
    'loads the demo world into the stopped store, visible afterwards through a running server',
    async () => {
      const run = await runCli(['demo', '--customers', '150', '--responses', '40'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/Loaded 150 customers: \d+ events stored, 0 already present, 0 rejected/);
      const workspaceId = run.stdout.trim();
      const server = await startServer(env);
      try {
        const profile = await api<{ facts: { channels: { channel: string }[] } }>(
          server.url,
          'GET',
          `/api/v1/workspaces/${workspaceId}/profiles/lookup?userId=cust-1`,
        );
        expect(profile.status).toBe(200);
        expect(profile.body.facts.channels.length).toBeGreaterThanOrEqual(2);
      } finally {
        await server.stop();
      }
    },
    processTestTimeouts.timeout,
  );
});
