import { describe, expect, it } from 'vitest';
import { InpAccumulator } from './inp.js';

const inp = (...samples: Array<[interactionId: number, duration: number]>) => {
  const accumulator = new InpAccumulator();
  for (const [interactionId, duration] of samples) accumulator.add({ interactionId, duration });
  return accumulator.value;
};

describe('INP approximation (web.dev/articles/inp)', () => {
  it('is null without interactions; events without an interactionId do not count', () => {
    expect(inp()).toBeNull();
    expect(inp([0, 300])).toBeNull();
  });

  it('uses the longest event of each interaction and reports the worst interaction', () => {
    expect(inp([1, 40], [1, 120], [2, 80], [3, 56])).toBe(120);
  });

  it('ignores one outlier per 50 interactions', () => {
    const many: Array<[number, number]> = Array.from({ length: 100 }, (_, index) => [index + 1, 50]);
    expect(inp(...many, [500, 900], [501, 800], [502, 300])).toBe(300);
  });
});
