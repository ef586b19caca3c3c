import { describe, expect, it } from 'vitest';
import { makeWellFormed, parseWellFormed } from './well-formed.js';

describe('well-formed JSON bodies', () => {
  it('replaces lone surrogates in values and keys, and keeps escaped pairs and escaped backslashes', () => {
    const text = String.raw`{"a\ud800":"x\udc00","pair":"\ud83d\ude00","list":["\ud83d",1,{"k":"\udfff"}],"text":"\\ud800"}`;
    expect(parseWellFormed(text)).toEqual({
      'a\ufffd': 'x\ufffd',
      pair: '😀',
      list: ['\ufffd', 1, { k: '\ufffd' }],
      text: String.raw`\ud800`,
    });
    expect(parseWellFormed(String.raw`"\ud800"`)).toBe('\ufffd');
  });

  it('walks bodies nested far deeper than the call stack allows', () => {
    const depth = 200_000;
    const text = `${'['.repeat(depth)}"\\ud800"${']'.repeat(depth)}`;
    let value = parseWellFormed(text);
    for (let i = 0; i < depth; i++) value = (value as unknown[])[0];
    expect(value).toBe('\ufffd');
  });

  it('keeps a "__proto__" key an own key, never the prototype', () => {
    const value = makeWellFormed(
      JSON.parse(String.raw`{"__proto__":"\ud800","inner":{"__proto__":{"polluted":"\ud800"}}}`),
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe('\ufffd');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
