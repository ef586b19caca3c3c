import type { SegmentMessage } from '@cairn/protocol';
import type { IngestCommit } from '../../../store/collect-port.js';
import { parseWellFormed } from '../../../well-formed.js';
import { ingestCommit, type StoredMessage } from '../ingest-commit.js';
import { fillRow } from '../prepare/event-rows.js';
import { prepareAll } from '../steps/prepare.js';
import type { IpMode } from '../steps/pseudonymise-ip.js';
import { validateMessage } from '../steps/validate.js';
import { messagesOfBody } from './body-messages.js';
import type { IngestRecord } from './ingest-record.js';

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
