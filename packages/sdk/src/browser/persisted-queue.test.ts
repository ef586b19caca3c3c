import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../test-support/fakes.js';
import type { SegmentMessage } from '../wire.js';
import { PersistedQueue } from './persisted-queue.js';

const message = (messageId: string) =>
  ({ type: 'track', event: 'E', messageId }) as unknown as SegmentMessage;

function tab(
  local: ReturnType<typeof memoryStorage>,
  clock: { now: number },
  tabId: string,
  writeKey = 'wk',
) {
  return new PersistedQueue({
    local,
    session: memoryStorage({ cairn_tab: tabId }),
    writeKey,
    now: () => clock.now,
    newId: () => 'unused',
  });
}

describe('PersistedQueue', () => {
  it('gives a reloaded tab its own queue back', () => {
    const local = memoryStorage();
    const clock = { now: 1000 };
    tab(local, clock, 'A').save([{ message: message('m1'), attempts: 1 }]);
    expect(tab(local, clock, 'A').takeOver()).toEqual([{ message: message('m1'), attempts: 1 }]);
  });

  it('does not take the queue of a tab that is still alive, but adopts one abandoned for 30 s', () => {
    const local = memoryStorage();
    const clock = { now: 1000 };
    tab(local, clock, 'B').save([{ message: message('b1'), attempts: 0 }]);
    clock.now += 29_000;
    expect(tab(local, clock, 'A').takeOver()).toEqual([]);
    clock.now += 1_000;
    expect(
      tab(local, clock, 'A')
        .takeOver()
        .map((entry) => entry.message.messageId),
    ).toEqual(['b1']);
    expect(local.keys()).toEqual([]);
  });

  it('ignores queues stored for another write key', () => {
    const local = memoryStorage();
    const clock = { now: 1000 };
    tab(local, clock, 'A', 'other').save([{ message: message('x'), attempts: 0 }]);
    expect(tab(local, clock, 'A').takeOver()).toEqual([]);
  });

  it('removes its key when the queue is empty and every queue on clearAll', () => {
    const local = memoryStorage();
    const clock = { now: 1000 };
    const a = tab(local, clock, 'A');
    a.save([{ message: message('a'), attempts: 0 }]);
    a.save([]);
    expect(local.keys()).toEqual([]);
    tab(local, clock, 'B').save([{ message: message('b'), attempts: 0 }]);
    a.clearAll();
    expect(local.keys()).toEqual([]);
  });

  it('survives corrupt stored data', () => {
    const local = memoryStorage({ 'cairn_queue.A': '{not json' });
    expect(tab(local, { now: 0 }, 'A').takeOver()).toEqual([]);
  });
});
