import { afterEach, describe, expect, it } from 'vitest';
import { exitOnSignals, ShutdownSequence } from './shutdown.js';

const quietLog = { info: () => undefined, error: () => undefined };
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ShutdownSequence', () => {
  it('runs steps in order, inserts before a named step, and keeps going past a failure', async () => {
    const ran: string[] = [];
    const step = (name: string, fail = false) => ({
      name,
      close: async () => {
        ran.push(name);
        if (fail) throw new Error(`${name} broke`);
      },
    });
    const sequence = new ShutdownSequence(quietLog).add(step('http', true)).add(step('store'));
    sequence.addBefore('store', step('ingestion-buffer'));
    expect(sequence.names).toEqual(['http', 'ingestion-buffer', 'store']);
    expect(await sequence.run()).toEqual(['http']);
    expect(ran).toEqual(['http', 'ingestion-buffer', 'store']);
    // A second run (a second caller) gets the same outcome without closing anything twice.
    expect(await sequence.run()).toEqual(['http']);
    expect(ran).toHaveLength(3);
  });

  it('refuses to insert before a step that does not exist', () => {
    expect(() =>
      new ShutdownSequence(quietLog).addBefore('store', { name: 'x', close: async () => {} }),
    ).toThrow(/No shutdown step named store/);
  });
});

describe('exitOnSignals', () => {
  let uninstall: () => void = () => undefined;
  afterEach(() => uninstall());

  // SIGUSR2 stands in for SIGTERM so the test process itself is never at risk; emit() only calls listeners.
  const install = (sequence: ShutdownSequence, timeoutMs = 1_000) => {
    const exits: number[] = [];
    uninstall = exitOnSignals(sequence, {
      timeoutMs,
      log: quietLog,
      exit: (code) => exits.push(code),
      signals: ['SIGUSR2'],
    });
    return exits;
  };

  it('exits 0 after every step succeeded, 1 when one failed', async () => {
    const ok = install(new ShutdownSequence(quietLog).add({ name: 'store', close: async () => {} }));
    process.emit('SIGUSR2', 'SIGUSR2');
    await tick();
    expect(ok).toEqual([0]);
    uninstall();

    const failing = install(
      new ShutdownSequence(quietLog).add({
        name: 'store',
        close: async () => {
          throw new Error('disk full');
        },
      }),
    );
    process.emit('SIGUSR2', 'SIGUSR2');
    await tick();
    expect(failing).toEqual([1]);
  });

  it('exits 1 at once on a second signal, and after the timeout when a step hangs', async () => {
    const hanging = new ShutdownSequence(quietLog).add({ name: 'http', close: () => new Promise(() => {}) });
    const exits = install(hanging, 50);
    process.emit('SIGUSR2', 'SIGUSR2');
    await tick();
    expect(exits).toEqual([]);
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(exits).toEqual([1]);
    await tick(80);
    expect(exits).toEqual([1, 1]); // the timeout fired as well
  });
});
