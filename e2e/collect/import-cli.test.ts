import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cairnEnv, makeDataDir, removeDataDir, runCli, startServer } from '../support/cairn-process.js';

const csv = [
  'order_id,customer,total,created,store,sku',
  'A-1,cust-1,59.90,2026-01-03T10:00:00Z,Dresden,S1',
  'A-2,cust-2,12.00,not-a-date,Leipzig,S2',
  'A-3,,30.00,2026-01-04T09:30:00Z,Berlin,S3',
  'A-4,cust-1,20.50,2026-01-05T16:45:00Z,Dresden,S4',
].join('\n');

/** `cairn import` from a real CLI process, against a stopped store and against a running server. */
describe('cairn import', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let workspaceId: string;
  let file: string;
  const args = () => [
    'import',
    file,
    '--workspace',
    workspaceId,
    '--event',
    'Order Completed',
    '--map',
    'order_id=messageId',
    '--map',
    'customer=userId',
    '--map',
    'total=properties.revenue',
    '--map',
    'created=timestamp',
    '--map',
    'store=context.store',
  ];
  const totals = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');

  beforeAll(async () => {
    dataDir = await makeDataDir();
    env = cairnEnv(dataDir);
    file = path.join(dataDir, 'orders.csv');
    await writeFile(file, csv);
    const created = await runCli(['workspace', 'create', '--name', 'Imports'], env);
    expect(created.code).toBe(0);
    workspaceId = created.stdout.trim();
  }, 60_000);
  afterAll(() => removeDataDir(dataDir));

  it('checks rows without storing on --dry-run, then imports and reports rejected rows with reasons', async () => {
    const dry = await runCli([...args(), '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(totals(dry.stdout)).toEqual({ rows: 4, stored: 2, duplicates: 0, rejected: 2 });

    const real = await runCli(args(), env);
    expect(real.code).toBe(0);
    expect(totals(real.stdout)).toEqual({ rows: 4, stored: 2, duplicates: 0, rejected: 2 });
    const report = (await readFile(`${file}.rejected.ndjson`, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(report.map((r: { row: number }) => r.row)).toEqual([2, 3]);
    expect(report[0].message).toContain('timestamp');
    expect(report[1].message).toBe('userId or anonymousId is required');
  }, 60_000);

  it('stores each row once when the same file is imported again, also through a running server', async () => {
    const server = await startServer(env);
    try {
      const again = await runCli(args(), env);
      expect(again.code).toBe(0);
      expect(totals(again.stdout)).toMatchObject({ stored: 0, duplicates: 2 });
      const profile = await api<{
        facts: { orders: number; revenue: number; channels: { channel: string }[] };
      }>(server.url, 'GET', `/api/v1/workspaces/${workspaceId}/profiles/lookup?userId=cust-1`);
      expect(profile.body.facts).toMatchObject({ orders: 2, revenue: 80.4 });
    } finally {
      await server.stop();
    }
  }, 60_000);
});
