import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { IngestCommit } from '../../../store/collect-port.js';

/** What an operator finds on the first line of a set-aside file; the event rows follow, one per line. */
export interface SetAsideHeader {
  reason: string;
  setAsideAt: string;
  firstSeq: number | null;
  lastSeq: number | null;
  /** Whether its profiles and identities are in the store (stored without its events). */
  planStored: boolean;
  plan: IngestCommit['plan'];
  traits: IngestCommit['traits'];
  groups: IngestCommit['groups'];
}

/**
 * Writes a commit the store refused into `dir` as one newline-delimited JSON file: a header (why, when, the identity
 * plan, traits and groups), then its event rows exactly as the events table would have held them, ready to load
 * once the cause is fixed. Flushed to disk before it resolves, because the journal lets go of the commit next.
 * The file holds personal data (owner-only permissions), keyed to profile ids like the store.
 */
export async function writeSetAside(
  dir: string,
  commit: IngestCommit,
  details: { reason: string; planStored: boolean; at: Date },
): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const firstSeq = commit.events[0]?.ingestSeq ?? null;
  const lastSeq = commit.events.at(-1)?.ingestSeq ?? null;
  const header: SetAsideHeader = {
    reason: details.reason,
    setAsideAt: details.at.toISOString(),
    firstSeq,
    lastSeq,
    planStored: details.planStored,
    plan: commit.plan,
    traits: commit.traits,
    groups: commit.groups,
  };
  const file = path.join(dir, `set-aside-${firstSeq}-${lastSeq}-${details.at.getTime()}.ndjson`);
  const handle = await open(file, 'w', 0o600);
  try {
    // A rare path: one buffer is simpler than chunked vectored writes.
    await handle.writeFile(
      Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...commit.events.map((e) => e.row)]),
    );
    await handle.datasync();
  } finally {
    await handle.close();
  }
  return file;
}
