import { describe, expect, it } from 'vitest';
import { CairnError } from '../../errors/catalogue.js';
import { GroupCommitQueue, type Staged } from './group-commit.js';

const staged = <R>(results: R[], durable: Promise<unknown> = Promise.resolve()): Staged<R> => ({
  results,
  durable: durable.then(() => undefined),
});

describe('group commit queue', () => {
  it('answers every request with its own results, in one commit per writer turn', async () => {
    const commits: number[][] = [];
    const q = new GroupCommitQueue<number, number>(
      async (items) => {
        commits.push(items);
        await new Promise((r) => setTimeout(r, 5));
        return staged(items.map((i) => i * 10));
      },
      { maxPendingItems: 1000, maxBatchItems: 1000, retryAfterSeconds: 1 },
    );
    const results = await Promise.all([q.submit([1, 2]), q.submit([3]), q.submit([4, 5, 6])]);
    expect(results).toEqual([[10, 20], [30], [40, 50, 60]]);
    // The first request starts a commit alone; the two that arrive meanwhile share the next one.
    expect(commits).toEqual([
      [1, 2],
      [3, 4, 5, 6],
    ]);
  });

  it('refuses work beyond the bound with 503 and Retry-After', async () => {
    const q = new GroupCommitQueue<number, number>(
      async (items) => {
        await new Promise((r) => setTimeout(r, 20));
        return staged(items);
      },
      { maxPendingItems: 3, maxBatchItems: 100, retryAfterSeconds: 2 },
    );
    const first = q.submit([1]);
    const second = q.submit([2, 3]);
    // [1] is being committed, [2, 3] wait: 2 + 2 more would exceed the bound of 3 waiting items.
    const refused = q.submit([4, 5]);
    await expect(refused).rejects.toMatchObject({
      code: 'CAIRN_OVERLOADED',
      status: 503,
      params: { retryAfter: 2 },
    });
    await expect(Promise.all([first, second])).resolves.toEqual([[1], [2, 3]]);
  });

  it('rejects the requests of a failed commit and keeps serving', async () => {
    let fail = true;
    const q = new GroupCommitQueue<number, number>(
      async (items) => {
        if (fail) throw new Error('disk full');
        return staged(items);
      },
      { maxPendingItems: 10, maxBatchItems: 10, retryAfterSeconds: 1 },
    );
    await expect(q.submit([1])).rejects.toThrow('disk full');
    fail = false;
    await expect(q.submit([2])).resolves.toEqual([2]);
  });

  it('drains accepted work on shutdown and refuses new work', async () => {
    const stored: number[] = [];
    const q = new GroupCommitQueue<number, number>(
      async (items) =>
        staged(
          items,
          new Promise((r) => setTimeout(r, 5)).then(() => stored.push(...items)),
        ),
      { maxPendingItems: 10, maxBatchItems: 10, retryAfterSeconds: 1 },
    );
    const pending = [q.submit([1]), q.submit([2])];
    await q.drain();
    expect(stored).toEqual([1, 2]);
    await Promise.all(pending);
    await expect(q.submit([3])).rejects.toBeInstanceOf(CairnError);
  });

  it('stages the next batch while one is being made durable, and answers each only once it is durable', async () => {
    const staging: number[][] = [];
    const flushes: { items: number[]; done: () => void; fail: (e: Error) => void }[] = [];
    const q = new GroupCommitQueue<number, number>(
      async (items) => {
        staging.push(items);
        const durable = new Promise<void>((done, fail) => flushes.push({ items, done, fail }));
        return staged(items, durable);
      },
      { maxPendingItems: 100, maxBatchItems: 100, retryAfterSeconds: 1 },
    );
    const answered: number[] = [];
    const tick = () => new Promise((r) => setTimeout(r, 1));
    const first = q.submit([1]).then((r) => answered.push(...r));
    await tick();
    const second = q.submit([2]);
    await tick();
    // Two batches staged while the first is not durable yet; nothing is answered.
    expect(staging).toEqual([[1], [2]]);
    expect(answered).toEqual([]);
    // Later requests wait (at most two batches between staging and durable), and then share one batch.
    const third = q.submit([3]).then((r) => answered.push(...r));
    const fourth = q.submit([4]).then((r) => answered.push(...r));
    await tick();
    expect(staging).toHaveLength(2);
    flushes[0]?.done();
    await first;
    expect(answered).toEqual([1]);
    await tick();
    expect(staging).toEqual([[1], [2], [3, 4]]);
    flushes[1]?.fail(new Error('disk full'));
    flushes[2]?.done();
    await expect(second).rejects.toThrow('disk full');
    await Promise.all([third, fourth]);
    expect(answered).toEqual([1, 3, 4]);
    await q.idle();
  });
});
