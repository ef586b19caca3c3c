import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envelopeOverheadBytes, jsonByteLength, splitIntoBatches } from './batching.js';

const item = (bytes: number, id = 0) => ({ bytes, id });
const batchBytes = (batch: Array<{ bytes: number }>, overhead: number) =>
  overhead + batch.reduce((sum, entry) => sum + entry.bytes, 0) + Math.max(0, batch.length - 1);

describe('jsonByteLength', () => {
  it('counts UTF-8 bytes, not UTF-16 code units', () => {
    expect(jsonByteLength('ü')).toBe(4); // quotes + two bytes
    expect(jsonByteLength({ e: '😀' })).toBe('{"e":""}'.length + 4);
  });

  it('measures the envelope around the messages', () => {
    const overhead = envelopeOverheadBytes('wk');
    expect(overhead).toBe(
      JSON.stringify({ batch: [], sentAt: '1970-01-01T00:00:00.000Z', writeKey: 'wk' }).length,
    );
  });
});

describe('splitIntoBatches', () => {
  it('fills a batch up to the limit exactly, counting commas and the envelope', () => {
    // overhead 10 + 40 + 1 + 49 = 100: fits; one more byte would not.
    expect(splitIntoBatches([item(40), item(49)], 100, 10)).toHaveLength(1);
    expect(splitIntoBatches([item(40), item(50)], 100, 10)).toHaveLength(2);
  });

  it('gives an item larger than the budget a batch of its own instead of losing it', () => {
    const batches = splitIntoBatches([item(10, 1), item(500, 2), item(10, 3)], 100, 10);
    expect(batches.map((batch) => batch.map((entry) => entry.id))).toEqual([[1], [2], [3]]);
  });

  it('returns no batches for no items', () => {
    expect(splitIntoBatches([], 100, 10)).toEqual([]);
  });

  it('keeps order, loses nothing and stays within the limit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 32_000 }), { maxLength: 200 }), (sizes) => {
        const items = sizes.map((bytes, id) => item(bytes, id));
        const batches = splitIntoBatches(items, 500_000, 80);
        expect(batches.flat()).toEqual(items);
        for (const batch of batches) {
          expect(batch.length).toBeGreaterThan(0);
          expect(batchBytes(batch, 80)).toBeLessThanOrEqual(500_000);
        }
        // Greedy: no batch could have taken the first item of the next one.
        for (let index = 0; index + 1 < batches.length; index++) {
          const next = batches[index + 1]?.[0];
          expect(batchBytes([...(batches[index] ?? []), next ?? item(0)], 80)).toBeGreaterThan(500_000);
        }
      }),
    );
  });
});
