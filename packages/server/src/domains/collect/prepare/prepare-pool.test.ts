import { afterAll, describe, expect, it } from 'vitest';
import { PreparePool } from './prepare-pool.js';
import type { PrepareInput, PrepareOutput } from './prepare-request.js';

const input = (body: unknown, shape: PrepareInput['shape'] = 'batch'): PrepareInput => ({
  shape,
  bytes: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  typeFromPath: shape === 'single' ? 'track' : null,
  receivedAt: Date.parse('2026-12-01T10:00:00Z'),
  requestIp: '198.51.100.7',
  requestUserAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36',
  ipMode: 'truncate',
  requestKey: 'request-1',
});

/** What a caller sees of an output: rows as text (a worker hands them over as plain bytes). */
const comparable = (output: PrepareOutput) =>
  output.ok
    ? {
        ...output,
        seconds: null,
        prepared: output.prepared.map((m) => ({ ...m, row: Buffer.from(m.row).toString('utf8') })),
      }
    : output;

const inThread = new PreparePool(0);
const workers = new PreparePool(1);
afterAll(() => workers.close());

describe('request preparation in a worker thread', () => {
  it('gives the same result as on the event loop, invalid messages named by index', async () => {
    const body = {
      sentAt: '2026-12-01T10:00:00.000Z',
      writeKey: 'wk_body',
      context: { library: { name: 'analytics-node' } },
      batch: [
        {
          type: 'track',
          messageId: 'a',
          anonymousId: 'v1',
          event: 'Product Viewed',
          properties: { sku: 'é"\\' },
        },
        { type: 'track', anonymousId: 'v1' },
        { type: 'identify', userId: 'u1', traits: { email: 'U1@Example.com' } },
        'not an object',
      ],
    };
    const expected = await inThread.run(input(body));
    expect(expected).toMatchObject({
      ok: true,
      writeKey: 'wk_body',
      received: 4,
      indexes: [0, 2],
      rejected: [
        { index: 1, code: 'CAIRN_INVALID_MESSAGE' },
        { index: 3, code: 'CAIRN_INVALID_MESSAGE' },
      ],
    });
    expect(comparable(await workers.run(input(body)))).toEqual(comparable(expected));
  });

  it('refuses malformed JSON, prototype poisoning (also \\u-escaped) and envelopes that fail the schema', async () => {
    for (const pool of [inThread, workers]) {
      expect(await pool.run(input('{"batch": ['))).toMatchObject({
        ok: false,
        error: { code: 'CAIRN_MALFORMED_JSON' },
      });
      for (const poisoned of [
        '{"batch":[{"type":"track","anonymousId":"a","event":"e","__proto__":{"admin":true}}]}',
        '{"batch":[{"type":"track","anonymousId":"a","event":"e","\\u005f_proto__":{"admin":true}}]}',
      ]) {
        expect(await pool.run(input(poisoned))).toMatchObject({
          ok: false,
          error: { code: 'CAIRN_MALFORMED_JSON' },
        });
      }
      expect(await pool.run(input({ batch: [], sentAt: 'yesterday' }))).toMatchObject({
        ok: false,
        error: {
          code: 'CAIRN_VALIDATION_FAILED',
          details: expect.arrayContaining([
            expect.objectContaining({ field: 'body.batch' }),
            expect.objectContaining({ field: 'body.sentAt' }),
          ]),
        },
      });
      expect(await pool.run(input([1, 2], 'single'))).toMatchObject({
        ok: false,
        error: { code: 'CAIRN_VALIDATION_FAILED' },
      });
    }
  });

  it('replaces a worker that died and keeps preparing', async () => {
    const pool = new PreparePool(1);
    try {
      await (
        pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }
      ).slots[0]?.worker.terminate();
      const output = await pool.run(input({ batch: [{ type: 'track', anonymousId: 'a', event: 'e' }] }));
      expect(output).toMatchObject({ ok: true, indexes: [0] });
    } finally {
      await pool.close();
    }
  });
});
