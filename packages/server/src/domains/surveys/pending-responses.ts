import type { ResponseRecord } from '../../store/survey-port.js';
import type { ParsedAnswer } from './answer-validation.js';

interface Pending {
  status: ResponseRecord['status'];
  answers: Map<string, ParsedAnswer>;
  /** Journaled batches holding this response that are not in the store yet. */
  batches: number;
}

/**
 * Responses acknowledged (in the ingest journal) but not yet in the store: their status and answers so far. The
 * response writer decides the next step of a response from the store and this, so a step that arrives before the
 * previous one reached the store still finds it (a completion still sees the answers given earlier).
 */
export class PendingResponses {
  private readonly byResponse = new Map<string, Pending>();

  private static key(workspaceId: string, responseId: string): string {
    return `${workspaceId}\0${responseId}`;
  }

  /** Records one journaled batch's steps: per response, its status and the answers of these steps. */
  journaled(
    workspaceId: string,
    steps: readonly { responseId: string; status: ResponseRecord['status']; answers: ParsedAnswer[] }[],
  ): void {
    const counted = new Set<string>();
    for (const step of steps) {
      const key = PendingResponses.key(workspaceId, step.responseId);
      const pending = this.byResponse.get(key) ?? { status: step.status, answers: new Map(), batches: 0 };
      if (step.status === 'completed') pending.status = 'completed';
      for (const answer of step.answers) pending.answers.set(answer.questionId, answer);
      if (!counted.has(key)) {
        pending.batches += 1;
        counted.add(key);
      }
      this.byResponse.set(key, pending);
    }
  }

  /** The batch holding these responses is in the store now. */
  stored(workspaceId: string, responseIds: Iterable<string>): void {
    for (const id of new Set(responseIds)) {
      const key = PendingResponses.key(workspaceId, id);
      const pending = this.byResponse.get(key);
      if (!pending) continue;
      pending.batches -= 1;
      if (pending.batches <= 0) this.byResponse.delete(key);
    }
  }

  /** Status and answers of the responses among `ids` that are pending (overriding what the store holds). */
  of(
    workspaceId: string,
    ids: Iterable<string>,
  ): Map<string, { status: ResponseRecord['status']; answers: ParsedAnswer[] }> {
    const found = new Map<string, { status: ResponseRecord['status']; answers: ParsedAnswer[] }>();
    for (const id of ids) {
      const pending = this.byResponse.get(PendingResponses.key(workspaceId, id));
      if (pending) found.set(id, { status: pending.status, answers: [...pending.answers.values()] });
    }
    return found;
  }

  /** Forgets everything (after a restore, the journal's pending writes were dropped with the old data). */
  forgetAll(): void {
    this.byResponse.clear();
  }
}
