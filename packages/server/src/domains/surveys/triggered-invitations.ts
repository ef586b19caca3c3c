import type { ScheduledInvitation } from '../../store/survey-port.js';
import type { StoredMessage } from '../collect/event-writer.js';
import { type Distribution, type SendCounts, sendInvitations } from './invitations.js';

const hourMs = 3_600_000;
/**
 * An event that arrives this long after it happened (plus the delay) is history being imported, not a customer
 * who just had a delivery: it never triggers an invitation, or an import would mail every past customer.
 */
const staleAfterMs = 24 * hourMs;

const emptyCounts = (): SendCounts => ({ sent: 0, skipped: { noEmail: 0, unsubscribed: 0, fatigue: 0 } });

/**
 * Ingestion's after-commit reaction: a track event named in a live survey's `emailTrigger` schedules an e-mail
 * invitation for that profile, due `delayHours` after the event happened. One per (survey, profile, event).
 */
export async function scheduleTriggeredInvitations(
  d: Distribution,
  stored: readonly StoredMessage[],
): Promise<void> {
  const byWorkspace = new Map<string, StoredMessage[]>();
  for (const m of stored) {
    if (m.type !== 'track' || !m.event) continue;
    const messages = byWorkspace.get(m.workspaceId);
    if (messages) messages.push(m);
    else byWorkspace.set(m.workspaceId, [m]);
  }
  const rows: ScheduledInvitation[] = [];
  for (const [workspaceId, messages] of byWorkspace) {
    const triggered = (await d.services.catalog.liveSurveys(workspaceId)).filter(
      (s) => s.survey.settings.emailTrigger,
    );
    for (const { survey } of triggered) {
      const trigger = survey.settings.emailTrigger;
      if (!trigger) continue;
      const delayMs = trigger.delayHours * hourMs;
      for (const m of messages) {
        const happened = Date.parse(m.timestamp);
        if (m.event !== trigger.event || Date.parse(m.receivedAt) - happened > delayMs + staleAfterMs)
          continue;
        rows.push({
          workspaceId,
          surveyId: survey.id,
          profileId: m.profileId,
          messageId: m.messageId,
          dueAt: new Date(happened + delayMs).toISOString(),
        });
      }
    }
  }
  if (rows.length) await d.services.store.surveys.distribution.scheduleInvitations(rows);
}

/**
 * Sends the triggered invitations that are due, through the same path as staff invitations (language, fatigue
 * budget, unsubscribes, ledger). Links need an absolute address, so without CAIRN_PUBLIC_URL they wait.
 */
export async function sendDueTriggered(
  d: Distribution,
  now: Date,
  scope: { workspaceId?: string; surveyId?: string } = {},
): Promise<SendCounts> {
  const counts = emptyCounts();
  if (!d.mailer || !d.publicUrl) return counts;
  const repo = d.services.store.surveys.distribution;
  const due = await repo.dueScheduled(now.toISOString(), scope.workspaceId, scope.surveyId);
  const groups = new Map<string, ScheduledInvitation[]>();
  for (const row of due) {
    const key = `${row.workspaceId}\u0000${row.surveyId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const rows of groups.values()) {
    const { workspaceId, surveyId } = rows[0] as ScheduledInvitation;
    const live = await d.services.catalog.liveSurvey(workspaceId, surveyId);
    // A survey that is no longer live sends nothing; its scheduled rows are closed so they are not retried forever.
    if (live) {
      const sent = await sendInvitations(
        d,
        workspaceId,
        surveyId,
        {
          profileIds: [...new Set(rows.map((r) => r.profileId))],
          reminderAfterDays: live.survey.settings.emailTrigger?.reminderAfterDays,
        },
        d.publicUrl,
      );
      counts.sent += sent.sent;
      counts.skipped.noEmail += sent.skipped.noEmail;
      counts.skipped.unsubscribed += sent.skipped.unsubscribed;
      counts.skipped.fatigue += sent.skipped.fatigue;
    }
    await repo.markScheduledSent(rows, now.toISOString());
  }
  return counts;
}
