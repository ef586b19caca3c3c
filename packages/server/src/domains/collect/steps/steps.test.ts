import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillRow } from '../prepare/event-rows.js';
import { deriveChannel } from './channel.js';
import { prepareAll } from './prepare.js';
import { pseudonymiseIp } from './pseudonymise-ip.js';
import { correctedTimestamp } from './timestamps.js';
import { parseUserAgent } from './user-agent.js';
import { validateMessage } from './validate.js';

describe('clock-skew correction (Segment spec)', () => {
  const receivedAt = new Date('2026-03-29T10:00:10.000Z');
  it('moves the event by the difference between sentAt and receivedAt', () => {
    // The device clock is 1 hour fast: it stamped the event at 11:00:00 and sent it at 11:00:05.
    const ts = correctedTimestamp(
      { originalTimestamp: '2026-03-29T11:00:00.000Z', sentAt: '2026-03-29T11:00:05.000Z' },
      undefined,
      receivedAt,
    );
    expect(ts).toBe('2026-03-29T10:00:05.000Z');
  });
  it('uses the batch sentAt when the message has none', () => {
    expect(
      correctedTimestamp({ originalTimestamp: '2026-03-29T09:00:00Z' }, '2026-03-29T09:00:02Z', receivedAt),
    ).toBe('2026-03-29T10:00:08.000Z');
  });
  it('trusts an explicit timestamp (server libraries, imports) and falls back to receivedAt', () => {
    expect(
      correctedTimestamp(
        { timestamp: '2025-01-01T00:00:00+01:00', sentAt: '2026-03-29T10:00:00Z' },
        undefined,
        receivedAt,
      ),
    ).toBe('2024-12-31T23:00:00.000Z');
    expect(correctedTimestamp({}, undefined, receivedAt)).toBe(receivedAt.toISOString());
  });
  it('makes no correction that would leave the years the store keeps (0000 to 9999)', () => {
    // A device clock set to the year 9999 that sent at the year 1: corrected, the event would lie in 12026.
    expect(
      correctedTimestamp(
        { originalTimestamp: '9999-12-31T23:59:59Z', sentAt: '0001-01-01T00:00:00Z' },
        undefined,
        receivedAt,
      ),
    ).toBe('9999-12-31T23:59:59.000Z');
    expect(
      correctedTimestamp({ originalTimestamp: '0001-01-01T00:00:00Z' }, '9999-12-31T23:59:59Z', receivedAt),
    ).toBe('0001-01-01T00:00:00.000Z');
    // An explicit time the store cannot keep (validation refuses it; an old journal may hold one) gives way.
    expect(correctedTimestamp({ timestamp: '9999-12-31T23:59:59-01:00' }, undefined, receivedAt)).toBe(
      receivedAt.toISOString(),
    );
  });
  it('reads leap seconds as the last millisecond before them', () => {
    expect(correctedTimestamp({ timestamp: '2016-12-31T23:59:60Z' }, undefined, receivedAt)).toBe(
      '2016-12-31T23:59:59.999Z',
    );
    expect(
      correctedTimestamp(
        { originalTimestamp: '2016-12-31T23:59:60.5Z' },
        '2016-12-31T23:59:59.999Z',
        receivedAt,
      ),
    ).toBe('2026-03-29T10:00:10.000Z');
  });
});

/** RFC 3339 date-times with any four-digit year, leap seconds and offsets up to ±23:59. */
const dateTime = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 60 }),
    offset: fc.option(fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
  })
  .map(({ year, month, day, hour, minute, second, offset }) => {
    const two = (n: number) => String(n).padStart(2, '0');
    const zone =
      offset === null
        ? 'Z'
        : `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
    return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${zone}`;
  });

describe('event times the store can keep', () => {
  const storable = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
  it('every message validation accepts gets times the store reads (four-digit UTC years), never an exception', () => {
    fc.assert(
      fc.property(
        fc.record({
          timestamp: fc.option(dateTime),
          originalTimestamp: fc.option(dateTime),
          sentAt: fc.option(dateTime),
        }),
        fc.option(dateTime),
        (times, batchSentAt) => {
          const message = { type: 'track', anonymousId: 'a', event: 'E', ...withoutNulls(times) };
          const checked = validateMessage(message);
          if (!checked.ok) {
            // The schema refuses impossible dates (a leap second that is not at 23:59 UTC), the range check the rest.
            expect(checked.message).toMatch(
              /^(timestamp|originalTimestamp|sentAt) must (match format|lie between)/,
            );
            return;
          }
          const [prepared] = prepareAll([{ message: checked.value, index: 0 }], {
            workspaceId: '00000000-0000-7000-8000-000000000000',
            receivedAt: new Date('2026-12-07T12:00:00Z'),
            requestIp: null,
            requestUserAgent: null,
            batchSentAt: batchSentAt ?? undefined,
            batchContext: undefined,
            ipMode: 'truncate',
            requestKey: 'k',
          });
          if (!prepared) throw new Error('nothing prepared');
          fillRow(prepared.row, prepared.workspaceId, '00000000-0000-7000-8000-000000000001', 1);
          const row = JSON.parse(Buffer.from(prepared.row).toString('utf8'));
          expect(row.occurred_at).toMatch(storable);
          for (const column of ['original_timestamp', 'sent_at']) {
            if (row[column] !== null) expect(row[column]).toMatch(storable);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

const withoutNulls = (record: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));

describe('IP pseudonymisation', () => {
  it('truncates IPv4 to /24 and IPv6 to /48', () => {
    expect(pseudonymiseIp('203.0.113.77', 'truncate')).toBe('203.0.113.0');
    expect(pseudonymiseIp('::ffff:198.51.100.9', 'truncate')).toBe('198.51.100.0');
    expect(pseudonymiseIp('2001:db8:85a3:8d3:1319:8a2e:370:7348', 'truncate')).toBe('2001:db8:85a3::');
    expect(pseudonymiseIp('2001:db8::1', 'truncate')).toBe('2001:db8:0::');
  });
  it('keeps or drops on request and ignores garbage', () => {
    expect(pseudonymiseIp('203.0.113.77', 'keep')).toBe('203.0.113.77');
    expect(pseudonymiseIp('203.0.113.77', 'drop')).toBeNull();
    expect(pseudonymiseIp('not-an-ip', 'truncate')).toBeNull();
  });
  it('never returns the full address of any IPv4 in truncate mode', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const out = pseudonymiseIp(ip, 'truncate');
        expect(out?.endsWith('.0')).toBe(true);
        expect(out?.split('.').slice(0, 3)).toEqual(ip.split('.').slice(0, 3));
      }),
    );
  });
});

describe('channel derivation', () => {
  const base = { type: 'track', event: null, context: {}, properties: {}, segmentChannel: undefined };
  it('takes an explicit channel first', () => {
    expect(deriveChannel({ ...base, context: { channel: 'store' }, event: 'Order Completed' })).toBe('store');
    expect(deriveChannel({ ...base, properties: { channel: 'phone' } })).toBe('phone');
  });
  it('derives from semantic events, library and context', () => {
    expect(deriveChannel({ ...base, event: 'Email Link Clicked' })).toBe('email');
    expect(deriveChannel({ ...base, event: 'Live Chat Conversation Started' })).toBe('chat');
    expect(deriveChannel({ ...base, type: 'screen' })).toBe('app');
    expect(deriveChannel({ ...base, context: { library: { name: 'analytics-ios' } } })).toBe('app');
    expect(deriveChannel({ ...base, type: 'page' })).toBe('web');
    expect(deriveChannel({ ...base, segmentChannel: 'browser' })).toBe('web');
    expect(deriveChannel({ ...base, context: { library: { name: '@segment/analytics-node' } } })).toBe(
      'other',
    );
  });
  it('ignores unknown explicit channels', () => {
    expect(deriveChannel({ ...base, context: { channel: 'carrier-pigeon' }, type: 'page' })).toBe('web');
  });
});

describe('user agent parsing', () => {
  it('names browser, OS and device type', () => {
    const chrome = parseUserAgent(
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    );
    expect(chrome).toEqual({ browser: 'Chrome', os: 'Windows', device: 'desktop' });
    const iphone = parseUserAgent(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
    );
    expect(iphone.device).toBe('mobile');
    expect(parseUserAgent(undefined)).toEqual({ browser: null, os: null, device: null });
  });
});

describe('message validation', () => {
  it('accepts each Segment type and names what is missing', () => {
    expect(validateMessage({ type: 'track', event: 'Order Completed', userId: 'u1' }).ok).toBe(true);
    const noEvent = validateMessage({ type: 'track', userId: 'u1' });
    expect(noEvent).toMatchObject({ ok: false, reason: 'invalid_message' });
    expect(!noEvent.ok && noEvent.message).toContain('event');
    const noId = validateMessage({ type: 'page', name: 'Home' });
    expect(!noId.ok && noId.message).toBe('userId or anonymousId is required');
    expect(validateMessage({ type: 'alias', previousId: 'a1', userId: 'u1' }).ok).toBe(true);
    expect(validateMessage({ type: 'group', userId: 'u1' }).ok).toBe(false);
  });
  it('rejects unknown types, non-objects, bad timestamps and oversize messages', () => {
    expect(validateMessage({ type: 'shout', userId: 'u' })).toMatchObject({ ok: false });
    expect(validateMessage([1, 2])).toMatchObject({ ok: false });
    const badTime = validateMessage({ type: 'track', event: 'x', userId: 'u', timestamp: 'yesterday' });
    expect(!badTime.ok && badTime.message).toContain('timestamp');
    const big = validateMessage({
      type: 'track',
      event: 'x',
      userId: 'u',
      properties: { blob: 'x'.repeat(33_000) },
    });
    expect(big).toMatchObject({ ok: false, reason: 'message_too_large' });
  });
  it('fills the type from the path and refuses a contradicting one', () => {
    expect(validateMessage({ event: 'x', userId: 'u' }, 'track').ok).toBe(true);
    expect(validateMessage({ type: 'page', userId: 'u' }, 'track').ok).toBe(false);
  });
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateMessage(value);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});
