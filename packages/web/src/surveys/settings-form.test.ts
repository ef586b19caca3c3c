import { describe, expect, it } from 'vitest';
import { optionalNumber, parseList, parseTraitLines, pruneSettings, traitLines } from './settings-form';

describe('distribution settings form', () => {
  it('reads trait lines and writes them back', () => {
    const traits = parseTraitLines('plan=pro\n  city = Berlin \nnonsense\n=empty\nurl=a=b');
    expect(traits).toEqual({ plan: 'pro', city: 'Berlin', url: 'a=b' });
    expect(traitLines(traits)).toBe('plan=pro\ncity=Berlin\nurl=a=b');
    expect(parseTraitLines('  ')).toBeUndefined();
  });

  it('reads numbers and lists, empty as undefined', () => {
    expect(optionalNumber('')).toBeUndefined();
    expect(optionalNumber('12')).toBe(12);
    expect(optionalNumber('x')).toBeUndefined();
    expect(parseList('Order Completed, Cart Viewed\n\n')).toEqual(['Order Completed', 'Cart Viewed']);
    expect(parseList(' , ')).toBeUndefined();
  });

  it('prunes empty objects and unset fields', () => {
    expect(
      pruneSettings({
        trigger: { events: undefined, delayMs: 0 },
        targeting: { traits: undefined },
        fatigue: {},
      }),
    ).toEqual({ trigger: { delayMs: 0 } });
  });
});
