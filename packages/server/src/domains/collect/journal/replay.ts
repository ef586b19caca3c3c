import type { SegmentMessage } from '@cairn/protocol';
import type { IngestCommit } from '../../../store/collect-port.js';
import { parseWellFormed } from '../../../well-formed.js';
import { ingestCommit, type StoredMessage } from '../ingest-commit.js';
import { fillRow } from '../prepare/event-rows.js';
import { prepareAll } from '../steps/prepare.js';
import type { IpMode } from '../steps/pseudonymise-ip.js';
import { validateMessage } from '../steps/validate.js';
import { messagesOfBody } from './body-messages.js';
import type { IngestApplier } from './ingest-applier.js';
import { decodeIngestRecord, type IngestRecord } from './ingest-record.js';
import { eventsKind, untagRecord } from './record-kind.js';

/**
 * Moves what the journal holds beyond the store into the store, in journal order: event commits through the
 * applier like live ones (reactions, setting aside what the store refuses), other kinds through the replay their
 * writer registered, once the event commits before them are stored. Commits the store already holds (by
 * `ingest_seq`) are skipped. Resolves with the number of events replayed, once all of it is stored.
 */
export async function replayJournal(
  records: readonly { payload: Buffer }[],
  deps: {
    /** The highest ingest_seq in the store. */
    storedSeq: number;
    ipMode: IpMode;
    applier: IngestApplier;
    replays: ReadonlyMap<string, (body: Buffer) => Promise<void>>;
    /** Told about each replayed commit's events before they are stored (as live batches once durable). */
    durable: (events: StoredMessage[]) => void;
  },
): Promise<number> {
  let replayed = 0;
  let stored = deps.storedSeq;
  for (const { payload } of records) {
    const { kind, body } = untagRecord(payload);
    if (kind !== eventsKind) {
      const replay = deps.replays.get(kind);
      if (!replay) throw new Error(`The ingest journal holds a "${kind}" record and nothing can store it.`);
      await deps.applier.drain();
      await replay(body);
      continue;
    }
    const { record, bodies } = decodeIngestRecord(body);
    if (record.lastSeq <= stored) continue;
    const { commit } = replayedCommit(record, bodies, deps.ipMode);
    stored = record.lastSeq;
    replayed += commit.events.length;
    deps.durable(commit.events);
    // Segment 0: the journal lets go of nothing before the whole replay is stored.
    deps.applier.push(commit, 0);
  }
  await deps.applier.drain();
  return replayed;
}

/**
 * The commit a journal record stands for, rebuilt from the recorded bodies and decisions: each stored message is
 * validated and prepared again with its request's facts and gets its recorded profile and place in order; the
 * identity plan is the recorded one (resolving again could pick other profile ids than the ones answered with).
 * A message that no longer validates (a newer Cairn checking more strictly) is skipped and counted.
 */
export function replayedCommit(
  record: IngestRecord,
  bodies: Buffer[],
  ipMode: IpMode,
): { commit: IngestCommit; skipped: number } {
  const events: StoredMessage[] = [];
  let seq = record.firstSeq;
  let skipped = 0;
  record.requests.forEach((request, i) => {
    const { messages, batchSentAt, batchContext } = messagesOfBody(
      request.shape,
      parseWellFormed((bodies[i] as Buffer).toString('utf8')),
    );
    const facts = {
      workspaceId: request.workspaceId,
      receivedAt: new Date(request.receivedAt),
      requestIp: request.requestIp,
      requestUserAgent: request.requestUserAgent,
      batchSentAt,
      batchContext,
      ipMode,
      requestKey: request.key,
    };
    const valid: { message: SegmentMessage; index: number; profileId: string; ingestSeq: number }[] = [];
    for (const [index, profileId] of request.stored) {
      const ingestSeq = seq++;
      const checked = validateMessage(messages[index], request.typeFromPath ?? undefined);
      if (checked.ok) valid.push({ message: checked.value, index, profileId, ingestSeq });
      else skipped += 1;
    }
    prepareAll(valid, facts).forEach((message, i) => {
      const { profileId, ingestSeq } = valid[i] as (typeof valid)[number];
      message.profileId = profileId;
      message.ingestSeq = ingestSeq;
      fillRow(message.row, message.workspaceId, profileId, ingestSeq);
      events.push(message as StoredMessage);
    });
  });
  return { commit: ingestCommit(events, record.plan), skipped };
}
