import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../port.js';
import { auditAndLifecycleCases } from './audit-and-lifecycle-cases.js';
import { credentialCases } from './credential-cases.js';
import type { ContractCase, OpenStore } from './harness.js';
import { tenancyCases } from './tenancy-cases.js';

export type { ContractCase, ContractHarness, OpenStore } from './harness.js';

export const contractCases: readonly ContractCase[] = [
  ...tenancyCases,
  ...credentialCases,
  ...auditAndLifecycleCases,
];

/**
 * The storage contract: every adapter runs these cases unchanged, each on a fresh store. An adapter that cannot
 * meet a case lists it in `skip` by name with the reason, so gaps are visible in the test report rather than hidden.
 */
export function describeStoreContract(
  name: string,
  openStore: OpenStore,
  skip: Record<string, string> = {},
): void {
  describe(`storage contract: ${name}`, () => {
    it('skips only cases that exist, each with a reason', () => {
      const known = new Set(contractCases.map((c) => c.name));
      expect(Object.keys(skip).filter((caseName) => !known.has(caseName))).toEqual([]);
      expect(Object.entries(skip).filter(([, reason]) => reason.trim().length < 10)).toEqual([]);
    });

    for (const contractCase of contractCases) {
      const reason = skip[contractCase.name];
      if (reason) {
        it.skip(`${contractCase.name} (skipped: ${reason})`, () => {});
        continue;
      }
      it(contractCase.name, async () => {
        const opened: Store[] = [];
        const scratchDir = await mkdtemp(path.join(tmpdir(), 'cairn-contract-'));
        try {
          const store = await openStore();
          opened.push(store);
          const openBackup = async (file: string) => {
            const copy = await openStore({ backupFile: file });
            opened.push(copy);
            return copy;
          };
          await contractCase.run({ store, openBackup, scratchDir });
        } finally {
          for (const store of opened) await store.close().catch(() => undefined);
          await rm(scratchDir, { recursive: true, force: true });
        }
      });
    }
  });
}
