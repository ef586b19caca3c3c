import { describe, expect, it } from 'vitest';
import { createCairn } from '../cairn.js';
import type { CairnApi, StubCall } from '../public-api.js';
import { type CairnStub, installCairnStub, type StubHost } from './stub.js';
import { replayStubCalls } from './stub-replay.js';

function fakeHost() {
  const appended: Array<{ src: string; async: boolean; nonce: string }> = [];
  const host: StubHost = {
    document: {
      currentScript: { nonce: 'n0nce' } as HTMLScriptElement,
      createElement: (() => ({ src: '', async: false, nonce: '' })) as unknown as Document['createElement'],
      head: { appendChild: (node: Node) => appended.push(node as never) } as unknown as HTMLHeadElement,
    },
  };
  return { host, appended };
}

describe('snippet stub', () => {
  it('records calls in order, including consent, before the SDK loads', () => {
    const { host } = fakeHost();
    installCairnStub(host);
    const stub = host.cairn as CairnStub & CairnApi;
    stub.init({ writeKey: 'k', host: 'https://c.example' });
    stub.consent.grant();
    stub.track('Signed Up', { plan: 'pro' });
    expect([...stub]).toEqual([
      ['init', { writeKey: 'k', host: 'https://c.example' }],
      ['consent.grant'],
      ['track', 'Signed Up', { plan: 'pro' }],
    ]);
  });

  it('load adds the SDK script once, async, with the snippet nonce', () => {
    const { host, appended } = fakeHost();
    installCairnStub(host);
    const stub = host.cairn as CairnStub;
    stub.load?.('https://c.example/sdk/cairn.min.js');
    stub.load?.('https://c.example/sdk/cairn.min.js');
    expect(appended).toEqual([{ src: 'https://c.example/sdk/cairn.min.js', async: true, nonce: 'n0nce' }]);
  });

  it('keeps calls already recorded when pasted twice, and leaves a loaded SDK alone', () => {
    const { host } = fakeHost();
    installCairnStub(host);
    (host.cairn as CairnStub & CairnApi).track('A');
    installCairnStub(host);
    expect([...(host.cairn as StubCall[])]).toEqual([['track', 'A']]);
    const real = { real: true };
    host.cairn = real;
    installCairnStub(host);
    expect(host.cairn).toBe(real);
  });

  it('offers exactly the methods the real SDK has, so a replay can never miss one', () => {
    const { host } = fakeHost();
    installCairnStub(host);
    const stub = host.cairn as CairnStub;
    const real = createCairn(() => Promise.reject(new Error('unused')));
    const functionNames = (object: object) =>
      Object.keys(object).filter((key) => typeof (object as Record<string, unknown>)[key] === 'function');
    expect([...functionNames(stub).filter((name) => name !== 'load'), 'anonymousId'].sort()).toEqual(
      functionNames(real).sort(),
    );
    expect(Object.keys(stub.consent ?? {}).sort()).toEqual(Object.keys(real.consent).sort());
  });

  it('replays recorded calls against the SDK in order and skips load', () => {
    const calls: string[] = [];
    const recorder =
      (name: string) =>
      (...args: unknown[]) => {
        calls.push(`${name}(${args.map((arg) => JSON.stringify(arg)).join(',')})`);
      };
    const target = {
      init: recorder('init'),
      track: recorder('track'),
      page: recorder('page'),
      identify: recorder('identify'),
      group: recorder('group'),
      alias: recorder('alias'),
      reset: recorder('reset'),
      flush: recorder('flush'),
      anonymousId: () => undefined,
      consent: { grant: recorder('grant'), revoke: recorder('revoke') },
    } as unknown as CairnApi;
    replayStubCalls(target, [
      ['load', 'x'],
      ['init', { writeKey: 'k' }],
      ['consent.revoke'],
      ['page'],
      ['nope'],
    ]);
    expect(calls).toEqual(['init({"writeKey":"k"})', 'revoke()', 'page()']);
  });
});
