import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseColumnMappings, rowToMessage } from './import-mapping.js';

describe('import mapping', () => {
  const mapping = {
    columns: parseColumnMappings([
      'order_id=messageId',
      'customer=userId',
      'total=properties.revenue',
      'mail=traits.email',
      'created=timestamp',
      'source=context.channel',
    ]),
    type: 'track',
    event: 'Order Completed',
    unmapped: 'properties' as const,
  };

  it('maps columns to message fields, types numbers and keeps the rest as properties', () => {
    const row = {
      order_id: 'A-1',
      customer: 'c-7',
      total: '59.90',
      mail: 'x@y.de',
      created: '2026-01-03T10:00:00Z',
      source: 'store',
      sku: 'S1',
      qty: '2',
      zip: '01067',
    };
    expect(rowToMessage(row, mapping)).toEqual({
      type: 'track',
      event: 'Order Completed',
      messageId: 'A-1',
      userId: 'c-7',
      timestamp: '2026-01-03T10:00:00Z',
      properties: { revenue: 59.9, sku: 'S1', qty: 2, zip: '01067' },
      traits: { email: 'x@y.de' },
      context: { channel: 'store' },
    });
  });

  it('derives a stable messageId from the row so re-imports do not duplicate', () => {
    const plain = { columns: {}, type: 'track', event: 'Call Completed', unmapped: 'properties' as const };
    const row = { customer: 'c-1', minutes: '12' };
    expect(rowToMessage(row, plain).messageId).toBe(rowToMessage({ ...row }, plain).messageId);
    expect(rowToMessage(row, plain).messageId).not.toBe(
      rowToMessage({ ...row, minutes: '13' }, plain).messageId,
    );
  });

  it('keeps NDJSON messages as they are, applying only the given mappings', () => {
    const keep = { columns: parseColumnMappings(['uid=userId']), type: 'track', unmapped: 'keep' as const };
    const out = rowToMessage({ type: 'identify', uid: 'u1', traits: { plan: 'pro' }, messageId: 'm1' }, keep);
    expect(out).toEqual({ type: 'identify', userId: 'u1', traits: { plan: 'pro' }, messageId: 'm1' });
  });

  it('refuses mappings to unknown targets with a message naming the option', () => {
    expect(() => parseColumnMappings(['a=__proto__.polluted'])).toThrow('--map a=__proto__.polluted');
    expect(() => parseColumnMappings(['=userId'])).toThrow('--map =userId');
  });

  it('cannot be steered into Object.prototype by hostile column names', () => {
    const out = rowToMessage(
      { __proto__x: '1', constructor: 'c', 'a.b': '2' },
      { columns: {}, type: 'track', event: 'X', unmapped: 'properties' },
    );
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes"}}') as Record<string, unknown>;
    rowToMessage(hostile, { columns: {}, type: 'track', event: 'X', unmapped: 'properties' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out.properties).toMatchObject({ a: { b: 2 } });
  });

  it('never throws on arbitrary string rows', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 })), (row) => {
        const out = rowToMessage(row, { columns: {}, type: 'track', event: 'X', unmapped: 'properties' });
        expect(typeof out.messageId).toBe('string');
      }),
    );
  });
});
