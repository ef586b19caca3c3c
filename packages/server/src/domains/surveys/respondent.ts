import { createHash } from 'node:crypto';
import type { Store } from '../../store/port.js';
import type { Ingestor } from '../collect/ingestor.js';

export interface RespondentIds {
  anonymousId?: string | undefined;
  userId?: string | undefined;
}

/** Profile of a respondent by the identity rules: userId first, then anonymousId. */
export async function findRespondent(
  store: Store,
  workspaceId: string,
  ids: RespondentIds,
): Promise<string | null> {
  if (ids.userId) {
    const byUser = await store.profiles.findByIdentity(workspaceId, 'user_id', ids.userId);
    if (byUser) return byUser;
  }
  return ids.anonymousId ? store.profiles.findByIdentity(workspaceId, 'anonymous_id', ids.anonymousId) : null;
}

/** Identifiers to send events for a profile known only by id (a signed link): its userId, else an anonymousId. */
export async function idsOfProfile(
  store: Store,
  workspaceId: string,
  profileId: string,
): Promise<RespondentIds> {
  const identities = await store.profiles.identities(workspaceId, [profileId]);
  const user = identities.find((i) => i.kind === 'user_id');
  if (user) return { userId: user.value };
  const anonymous = identities.find((i) => i.kind === 'anonymous_id');
  return { anonymousId: anonymous?.value ?? `profile:${profileId}` };
}

/** A survey event of a response; `timestamp` (ISO-8601): the event time of a historical response (an import). */
export interface SurveyEvent {
  messageId: string;
  event: string;
  properties: Record<string, unknown>;
  timestamp?: string;
}

/** The event context survey events are sent with. */
export interface SurveyEventContext {
  channel: string;
  locale: string;
  pageUrl?: string | undefined;
  userAgent: string | null;
}

/** Segment track messages for one respondent's survey events (messageIds derive from the response id). */
function surveyMessages(ids: RespondentIds, events: SurveyEvent[], context: SurveyEventContext) {
  return events.map((e) => ({
    type: 'track',
    messageId: e.messageId,
    event: e.event,
    ...(e.timestamp ? { timestamp: e.timestamp } : {}),
    ...(ids.userId ? { userId: ids.userId } : {}),
    ...(ids.anonymousId ? { anonymousId: ids.anonymousId } : {}),
    properties: e.properties,
    context: {
      channel: context.channel,
      ...(context.locale ? { locale: context.locale } : {}),
      ...(context.pageUrl ? { page: { url: context.pageUrl } } : {}),
    },
  }));
}

/**
 * Sends survey events of many respondents through the normal ingestion pipeline in one call per workspace and
 * user agent, so they share one group commit (each ingest call would otherwise be its own commit round).
 * Deterministic messageIds make retries and double submits no-ops. Resolves with the profile each respondent's
 * events were stored for (null when all of them were already stored), once they are durable; with `visible`, only
 * once they are in the store and the caches (for callers that read them next).
 */
export async function ingestSurveyEvents(
  ingestor: Ingestor,
  workspaceId: string,
  respondents: { ids: RespondentIds; events: SurveyEvent[]; context: SurveyEventContext }[],
  { visible = true }: { visible?: boolean } = {},
): Promise<(string | null)[]> {
  const byAgent = new Map<string | null, { messages: unknown[]; owners: number[] }>();
  respondents.forEach((r, i) => {
    const group = byAgent.get(r.context.userAgent) ?? { messages: [], owners: [] };
    for (const message of surveyMessages(r.ids, r.events, r.context)) {
      group.messages.push(message);
      group.owners.push(i);
    }
    byAgent.set(r.context.userAgent, group);
  });
  const profiles: (string | null)[] = respondents.map(() => null);
  await Promise.all(
    [...byAgent].map(async ([userAgent, { messages, owners }]) => {
      const result = await ingestor.ingest(
        messages,
        {
          workspaceId,
          requestIp: null,
          requestUserAgent: userAgent,
          batchSentAt: undefined,
          batchContext: undefined,
        },
        { visible },
      );
      result.profileIds?.forEach((profileId, k) => {
        const owner = owners[k] as number;
        profiles[owner] = profiles[owner] ?? profileId;
      });
    }),
  );
  return profiles;
}

/** A stable id from parts, shaped as a UUID (version 8, RFC 9562 §5.8: custom), so retries find the same row. */
export function stableUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\0')).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Deterministic sampling: the same profile and survey always land in the same bucket, so reloads do not re-roll. */
export function sampled(surveyId: string, who: string, percent: number | undefined): boolean {
  if (percent === undefined || percent >= 100) return true;
  const bucket = createHash('sha256').update(`${surveyId}\0${who}`).digest().readUInt32BE(0) % 10_000;
  return bucket < percent * 100;
}
