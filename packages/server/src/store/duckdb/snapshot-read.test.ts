import { describe, expect, it } from 'vitest';
import { openDuckDbStore } from './store.js';

describe('snapshot reads', () => {
  it('read numeric and text columns in bulk, in one snapshot', async () => {
    const store = await openDuckDbStore(':memory:');
    const columns = await store.database.snapshotRead((reader) =>
      reader.columns(
        `SELECT i::INTEGER AS n, i / 2 AS half, 'r' || i AS name FROM range(5000) t(i) ORDER BY i`,
        [],
        { n: 'integer', half: 'double', name: 'string' },
      ),
    );
    expect(columns.n).toBeInstanceOf(Int32Array);
    expect(columns.n.length).toBe(5000);
    expect(columns.n[4999]).toBe(4999);
    expect(columns.half[3]).toBe(1.5);
    expect(columns.name[2048]).toBe('r2048');
    await store.close();
  });

  it('give up when the store closes, so closing does not wait for a long read', async () => {
    const store = await openDuckDbStore(':memory:');
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    // Fifty million rows: read to the end, this would outlast the test's time limit.
    const reading = store.database.snapshotRead(async (reader) => {
      started();
      return reader.columns('SELECT i::DOUBLE AS x FROM range(50000000) t(i)', [], { x: 'double' });
    });
    const outcome = expect(reading).rejects.toThrow(/read abandoned/);
    await running;
    await store.close();
    await outcome;
  });
});
