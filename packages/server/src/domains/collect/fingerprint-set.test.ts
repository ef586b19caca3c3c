import { describe, expect, it } from 'vitest';
import { DedupeWindow } from './dedupe-window.js';
import { FingerprintSet, messageKey } from './fingerprint-set.js';

const key = (id: string, workspace = 'w1') => messageKey(workspace, id);

describe('FingerprintSet', () => {
  it('holds keys, tells whether one was there, and forgets deleted ones', () => {
    const set = new FingerprintSet();
    expect(set.add(key('a'))).toBe(true);
    expect(set.add(key('a'))).toBe(false);
    expect(set.has(key('a'))).toBe(true);
    expect(set.has(key('b'))).toBe(false);
    expect(set.size).toBe(1);
    expect(set.delete(key('a'))).toBe(true);
    expect(set.delete(key('a'))).toBe(false);
    expect(set.has(key('a'))).toBe(false);
    expect(set.size).toBe(0);
  });

  it('keeps workspaces apart, and where the workspace id ends', () => {
    const set = new FingerprintSet();
    set.add(messageKey('w1', 'm-1'));
    expect(set.has(messageKey('w2', 'm-1'))).toBe(false);
    set.add(messageKey('ab', 'c'));
    expect(set.has(messageKey('a', 'bc'))).toBe(false);
    expect(set.has(messageKey('abc', ''))).toBe(false);
  });

  it('tells apart ids of odd length, non-ASCII ids and ids that differ in one unit', () => {
    const ids = ['x', 'xy', 'xyz', 'Ä', 'Äa', '😀', '😁', 'a😀', 'id-1', 'id-2', 'id-10', 'di-1', ''];
    const set = new FingerprintSet();
    for (const id of ids) expect(set.add(key(id))).toBe(true);
    for (const id of ids) expect(set.has(key(id))).toBe(true);
    expect(set.size).toBe(ids.length);
  });

  it('grows past its first capacity without losing or inventing keys', () => {
    const set = new FingerprintSet(16);
    const n = 50_000;
    for (let i = 0; i < n; i++) set.add(key(`message-${i}`));
    expect(set.size).toBe(n);
    let found = 0;
    let invented = 0;
    for (let i = 0; i < n; i++) {
      if (set.has(key(`message-${i}`))) found++;
      if (set.has(key(`message-${i}`, 'w2')) || set.has(key(`other-${i}`))) invented++;
    }
    expect(found).toBe(n);
    expect(invented).toBe(0);
  });

  it('finds keys past deleted slots, and reuses those slots', () => {
    const set = new FingerprintSet(16);
    const n = 5_000;
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < n; i++) set.add(key(`k-${i}`));
      for (let i = 0; i < n; i += 2) set.delete(key(`k-${i}`));
      for (let i = 1; i < n; i += 2) expect(set.has(key(`k-${i}`))).toBe(true);
      for (let i = 0; i < n; i += 2) expect(set.has(key(`k-${i}`))).toBe(false);
    }
    expect(set.size).toBe(n / 2);
  });
});

describe('DedupeWindow', () => {
  const hour = 3_600_000;

  it('remembers a key for at least half the window and forgets it after a whole one', () => {
    const window = new DedupeWindow(24 * hour, 1_000_000, 0);
    window.add(key('a'), 0);
    window.add(key('b'), 11 * hour);
    expect(window.has(key('a'))).toBe(true);
    window.add(key('c'), 13 * hour); // a new generation: a and b move to the previous one
    expect(window.has(key('a'))).toBe(true);
    window.add(key('d'), 26 * hour); // and again: a and b are dropped
    expect(window.has(key('a'))).toBe(false);
    expect(window.has(key('c'))).toBe(true);
  });

  it('stays within its bound of entries', () => {
    const window = new DedupeWindow(24 * hour, 1_000, 0);
    for (let i = 0; i < 5_000; i++) window.add(key(`m-${i}`), 0);
    expect(window.size).toBeLessThanOrEqual(1_000);
    expect(window.has(key('m-4999'))).toBe(true);
    expect(window.has(key('m-0'))).toBe(false);
  });

  it('forgets one key, or every key', () => {
    const window = new DedupeWindow(24 * hour, 1_000, 0);
    window.add(key('a'), 0);
    window.add(key('b'), 0);
    window.remove(key('a'));
    expect(window.has(key('a'))).toBe(false);
    expect(window.has(key('b'))).toBe(true);
    window.clear(0);
    expect(window.has(key('b'))).toBe(false);
    expect(window.size).toBe(0);
  });
});
