import { type CairnApi, type StubCall, stubMethodNames } from '../public-api.js';

type StubMethodName = (typeof stubMethodNames)[number];
const isStubMethod = (name: string): name is StubMethodName =>
  (stubMethodNames as readonly string[]).includes(name);

/** Runs the calls the snippet's stub recorded, in order, against the real SDK. */
export function replayStubCalls(cairn: CairnApi, calls: readonly StubCall[]): void {
  for (const [name, ...args] of calls) {
    if (name === 'consent.grant') cairn.consent.grant();
    else if (name === 'consent.revoke') cairn.consent.revoke();
    else if (isStubMethod(name)) (cairn[name] as (...callArgs: unknown[]) => unknown)(...args);
  }
}
