import type { ProfileRepo, StoredEvent } from '../../collect-port.js';
import type { SqlExecutor } from '../database.js';
import { jsonObject, type Row, str, strOrNull, textList } from '../values.js';

const ids = (list: string[]) => JSON.stringify(list);

const toEvent = (r: Row): StoredEvent => ({
  messageId: str(r.message_id),
  type: str(r.type),
  event: strOrNull(r.event),
  profileId: str(r.profile_id),
  anonymousId: strOrNull(r.anonymous_id),
  userId: strOrNull(r.user_id),
  channel: str(r.channel),
  timestamp: str(r.occurred_at),
  receivedAt: str(r.received_at),
  properties: jsonObject(r.properties),
  traits: jsonObject(r.traits),
  context: jsonObject(r.context),
  page: {
    url: strOrNull(r.page_url),
    path: strOrNull(r.page_path),
    title: strOrNull(r.page_title),
    referrer: strOrNull(r.referrer),
  },
  device: { browser: strOrNull(r.browser), os: strOrNull(r.os), type: strOrNull(r.device) },
});

/** Timeline cursors encode (occurred_at, ingest_seq) of the last row shown: stable under ties in time. */
const encodeCursor = (at: string, seq: number) => Buffer.from(`${at}|${seq}`).toString('base64url');
function decodeCursor(cursor: string | undefined): [string, number] | [null, null] {
  if (!cursor) return [null, null];
  const [at, seq] = Buffer.from(cursor, 'base64url').toString().split('|');
  return at && seq && !Number.isNaN(Date.parse(at)) && /^\d+$/.test(seq) ? [at, Number(seq)] : [null, null];
}

export function profileRepo(db: SqlExecutor): ProfileRepo {
  return {
    async findByIdentity(workspaceId, kind, value) {
      const rows = await db.all(
        'SELECT profile_id FROM identities WHERE workspace_id = $1 AND kind = $2 AND value = $3',
        [workspaceId, kind, value],
      );
      return rows[0] ? str(rows[0].profile_id) : null;
    },
    async get(workspaceId, id) {
      const rows = await db.all(
        'SELECT id, workspace_id, created_at, merged_into FROM profiles WHERE workspace_id = $1 AND id = $2',
        [workspaceId, id],
      );
      const r = rows[0];
      return r
        ? {
            id: str(r.id),
            workspaceId: str(r.workspace_id),
            createdAt: str(r.created_at),
            mergedInto: strOrNull(r.merged_into),
          }
        : null;
    },
    async memberIds(workspaceId, id) {
      const rows = await db.all(
        'SELECT id FROM profiles WHERE workspace_id = $1 AND (id = $2 OR merged_into = $2)',
        [workspaceId, id],
      );
      return rows.map((r) => str(r.id));
    },
    async identities(workspaceId, profileIds) {
      const rows = await db.all(
        `SELECT kind, value, created_at FROM identities
         WHERE workspace_id = $1 AND list_contains($2::VARCHAR[], profile_id) ORDER BY kind, created_at, value`,
        [workspaceId, ids(profileIds)],
      );
      return rows.map((r) => ({ kind: str(r.kind), value: str(r.value), createdAt: str(r.created_at) }));
    },
    async currentTraits(workspaceId, profileIds) {
      // Last write wins by event time; message_id breaks ties so the answer never depends on scan order.
      const rows = await db.all(
        `SELECT trait, arg_max(value, (observed_at, message_id)) AS value, max(observed_at) AS observed_at
         FROM profile_traits WHERE workspace_id = $1 AND list_contains($2::VARCHAR[], profile_id)
         GROUP BY trait ORDER BY trait`,
        [workspaceId, ids(profileIds)],
      );
      return Object.fromEntries(
        rows.map((r) => [
          str(r.trait),
          { value: JSON.parse(String(r.value ?? 'null')), observedAt: str(r.observed_at) },
        ]),
      );
    },
    async traitHistory(workspaceId, profileIds, limit) {
      const rows = await db.all(
        `SELECT workspace_id, profile_id, trait, value, observed_at, message_id FROM profile_traits
         WHERE workspace_id = $1 AND list_contains($2::VARCHAR[], profile_id)
         ORDER BY observed_at DESC, message_id DESC, trait LIMIT $3`,
        [workspaceId, ids(profileIds), limit],
      );
      return rows.map((r) => ({
        workspaceId: str(r.workspace_id),
        profileId: str(r.profile_id),
        trait: str(r.trait),
        value: JSON.parse(String(r.value ?? 'null')),
        observedAt: str(r.observed_at),
        messageId: str(r.message_id),
      }));
    },
    async groups(workspaceId, profileIds) {
      const rows = await db.all(
        `SELECT group_id, arg_max(traits, observed_at) AS traits FROM profile_groups
         WHERE workspace_id = $1 AND list_contains($2::VARCHAR[], profile_id) GROUP BY group_id ORDER BY group_id`,
        [workspaceId, ids(profileIds)],
      );
      return rows.map((r) => ({ groupId: str(r.group_id), traits: jsonObject(r.traits) }));
    },
    async facts(workspaceId, profileIds) {
      const rows = await db.all(
        `WITH mine AS (
           SELECT * FROM events WHERE workspace_id = $1 AND list_contains($2::VARCHAR[], profile_id))
         SELECT
           (SELECT min(occurred_at) FROM mine) AS first_seen,
           (SELECT max(occurred_at) FROM mine) AS last_seen,
           (SELECT count(*) FROM mine) AS event_count,
           (SELECT count(*) FROM mine WHERE type = 'track' AND event = 'Order Completed') AS orders,
           (SELECT coalesce(sum(coalesce(TRY_CAST(properties->>'revenue' AS DOUBLE), TRY_CAST(properties->>'total' AS DOUBLE), 0)), 0)
              FROM mine WHERE type = 'track' AND event = 'Order Completed') AS revenue,
           (SELECT coalesce(list(DISTINCT properties->>'currency') FILTER (WHERE properties->>'currency' IS NOT NULL), [])
              FROM mine WHERE type = 'track' AND event = 'Order Completed') AS currencies,
           (SELECT coalesce(list({'channel': channel, 'events': n} ORDER BY n DESC, channel), [])
              FROM (SELECT channel, count(*) AS n FROM mine GROUP BY channel)) AS channels`,
        [workspaceId, ids(profileIds)],
      );
      const r = rows[0] ?? {};
      const channels = (r.channels as { channel: string; events: bigint | number }[] | undefined) ?? [];
      return {
        firstSeen: strOrNull(r.first_seen),
        lastSeen: strOrNull(r.last_seen),
        eventCount: Number(r.event_count ?? 0),
        orders: Number(r.orders ?? 0),
        revenue: Math.round(Number(r.revenue ?? 0) * 100) / 100,
        currencies: ((r.currencies as string[] | undefined) ?? []).map(String).sort(),
        channels: channels.map((c) => ({ channel: String(c.channel), events: Number(c.events) })),
      };
    },
    async timeline(workspaceId, profileIds, { limit, cursor }) {
      const [at, seq] = decodeCursor(cursor);
      const rows = await db.all(
        `SELECT * FROM events
         WHERE workspace_id = $1 AND list_contains($2::VARCHAR[], profile_id)
           AND ($3::TIMESTAMPTZ IS NULL OR (occurred_at, ingest_seq) < ($3::TIMESTAMPTZ, $4::BIGINT))
         ORDER BY occurred_at DESC, ingest_seq DESC LIMIT $5`,
        [workspaceId, ids(profileIds), at, seq, limit + 1],
      );
      const items = rows.slice(0, limit).map(toEvent);
      const last = rows[limit - 1];
      return {
        items,
        nextCursor:
          rows.length > limit && last ? encodeCursor(str(last.occurred_at), Number(last.ingest_seq)) : null,
      };
    },
    async search({ workspaceId, text, traits, limit, cursor }) {
      // Trait filters arrive as two parallel lists (names, values) and are matched with a join:
      // no SQL and no JSON path is ever built from input.
      const names = Object.keys(traits ?? {});
      const values = names.map((n) => String(traits?.[n]));
      const rows = await db.all(
        `WITH current AS (
           SELECT profile_id, trait, arg_max(value, (observed_at, message_id)) ->> '$' AS value
           FROM profile_traits WHERE workspace_id = $1 GROUP BY profile_id, trait),
         wanted AS (SELECT unnest(${textList('$2')}) AS trait, unnest(${textList('$3')}) AS value),
         trait_hits AS (
           SELECT c.profile_id FROM current c JOIN wanted w ON c.trait = w.trait AND c.value = w.value
           GROUP BY c.profile_id HAVING count(*) = (SELECT count(*) FROM wanted)),
         text_hits AS (
           SELECT profile_id FROM identities
           WHERE workspace_id = $1 AND $4::VARCHAR IS NOT NULL AND contains(lower(value), lower($4))
           UNION
           SELECT profile_id FROM current WHERE $4::VARCHAR IS NOT NULL AND contains(lower(value), lower($4)))
         SELECT p.id, p.created_at FROM profiles p
         WHERE p.workspace_id = $1 AND p.merged_into IS NULL
           AND ((SELECT count(*) FROM wanted) = 0 OR p.id IN (SELECT profile_id FROM trait_hits))
           AND ($4::VARCHAR IS NULL OR p.id IN (SELECT profile_id FROM text_hits))
           AND ($5::VARCHAR IS NULL OR p.id > $5)
         ORDER BY p.id LIMIT $6`,
        [workspaceId, JSON.stringify(names), JSON.stringify(values), text ?? null, cursor ?? null, limit + 1],
      );
      const items = rows.slice(0, limit).map((r) => ({ id: str(r.id), createdAt: str(r.created_at) }));
      return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },
  };
}
