import type { GroupObservation, IngestCommit, TraitObservation } from '../../store/collect-port.js';
import type { ResolutionPlan } from './identity/identity-graph.js';
import type { PreparedMessage } from './prepared-message.js';

/** A message once the writer gave it its profile and place in arrival order (and filled them into its row). */
export type StoredMessage = PreparedMessage;

/** Traits an identify call sets beyond this many are ignored (a runaway client must not flood the history). */
const maxTraitsPerMessage = 200;

/**
 * Everything a resolved batch writes: its events, the identity plan, and the trait and group observations its
 * identify and group calls carry (derived here, so a replayed journal record derives exactly the same).
 */
export function ingestCommit(events: StoredMessage[], plan: ResolutionPlan): IngestCommit {
  const traits: TraitObservation[] = [];
  const groups: GroupObservation[] = [];
  for (const m of events) {
    if (m.type === 'identify') {
      for (const [trait, value] of Object.entries(m.traits).slice(0, maxTraitsPerMessage)) {
        traits.push({
          workspaceId: m.workspaceId,
          profileId: m.profileId,
          trait,
          value,
          observedAt: m.timestamp,
          messageId: m.messageId,
        });
      }
    }
    if (m.type === 'group' && m.groupId) {
      groups.push({
        workspaceId: m.workspaceId,
        groupId: m.groupId,
        profileId: m.profileId,
        traits: m.traits,
        observedAt: m.timestamp,
      });
    }
  }
  return { events, plan, traits, groups };
}
