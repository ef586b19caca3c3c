import { type DuckDBAppender, type DuckDBConnection, DuckDBTimestampValue } from '@duckdb/node-api';
import type { EventStore, IngestCommit } from '../../collect-port.js';
import type { DuckDbDatabase } from '../database.js';
import { str } from '../values.js';

/**
 * Instants are appended as plain TIMESTAMP micros since the epoch into TIMESTAMPTZ columns: DuckDB's appender
 * converts them without a time-zone shift, and appendTimestamp is a direct native call, whereas appendTimestampTZ
 * builds a native value object per cell (measured: ~8 µs less main-thread time per event row, and less GC).
 */
const micros = (iso: string) => new DuckDBTimestampValue(BigInt(Date.parse(iso)) * 1000n);

/** A cell for appendRows: text, null, or a timestamp. */
type Cell = string | null | { at: string };

/** Appends rows in table column order; far faster than row-by-row INSERTs inside the batch transaction. */
async function appendRows(c: DuckDBConnection, table: string, rows: Cell[][]): Promise<void> {
  if (rows.length === 0) return;
  const appender = await c.createAppender(table);
  for (const row of rows) {
    for (const cell of row) {
      if (cell === null) appender.appendNull();
      else if (typeof cell === 'string') appender.appendVarchar(cell);
      else appender.appendTimestamp(micros(cell.at));
    }
    appender.endRow();
  }
  appender.closeSync();
}

function appendText(appender: DuckDBAppender, value: string | null): void {
  if (value === null) appender.appendNull();
  else appender.appendVarchar(value);
}

function appendTime(appender: DuckDBAppender, iso: string | null): void {
  if (iso === null) appender.appendNull();
  else appender.appendTimestamp(micros(iso));
}

/**
 * Appends events in the column order of the events table (migration 0002). Measured against staging each batch
 * as an NDJSON file read by read_json: the appender used about a third less CPU per event.
 */
function appendEvents(appender: DuckDBAppender, events: IngestCommit['events']): void {
  for (const e of events) {
    for (const value of [
      e.workspaceId,
      e.messageId,
      e.type,
      e.event,
      e.profileId,
      e.anonymousId,
      e.userId,
      e.groupId,
      e.channel,
    ]) {
      appendText(appender, value);
    }
    appendTime(appender, e.timestamp);
    appendTime(appender, e.originalTimestamp);
    appendTime(appender, e.sentAt);
    appendTime(appender, e.receivedAt);
    appender.appendVarchar(JSON.stringify(e.properties));
    appender.appendVarchar(JSON.stringify(e.traits));
    appender.appendVarchar(JSON.stringify(e.context));
    for (const value of [
      e.ip,
      e.userAgent.browser,
      e.userAgent.os,
      e.userAgent.device,
      e.page.url,
      e.page.path,
      e.page.title,
      e.page.referrer,
      e.campaign.source,
      e.campaign.medium,
      e.campaign.name,
    ]) {
      appendText(appender, value);
    }
    appender.appendBigInt(BigInt(e.ingestSeq));
    appender.endRow();
  }
}

export function eventStore(database: DuckDbDatabase): EventStore {
  return {
    async lookupIdentities(refs) {
      if (refs.length === 0) return { links: [], userIdsByProfile: new Map() };
      const keys = refs.map((r) => `${r.workspaceId}\u0000${r.kind}\u0000${r.value}`);
      const rows = await database.autocommit.all(
        `SELECT i.workspace_id, i.kind, i.value, i.profile_id
         FROM identities i
         JOIN (SELECT unnest($1::VARCHAR[]) AS k) wanted ON wanted.k = i.workspace_id || chr(0) || i.kind || chr(0) || i.value`,
        [JSON.stringify(keys)],
      );
      const links = rows.map((r) => ({
        workspaceId: str(r.workspace_id),
        kind: str(r.kind) as IngestCommit['plan']['newIdentities'][number]['kind'],
        value: str(r.value),
        profileId: str(r.profile_id),
      }));
      const profileIds = [...new Set(links.map((l) => l.profileId))];
      const userIdsByProfile = new Map<string, string[]>(profileIds.map((id) => [id, []]));
      if (profileIds.length) {
        const users = await database.autocommit.all(
          `SELECT profile_id, value FROM identities WHERE kind = 'user_id' AND list_contains($1::VARCHAR[], profile_id)`,
          [JSON.stringify(profileIds)],
        );
        for (const u of users) userIdsByProfile.get(str(u.profile_id))?.push(str(u.value));
      }
      return { links, userIdsByProfile };
    },

    async commitIngest({ events, plan, traits, groups }) {
      await database.exclusive(async (c) => {
        await c.run('BEGIN TRANSACTION');
        try {
          const now = new Date().toISOString();
          await appendRows(
            c,
            'profiles',
            plan.newProfiles.map((p) => [p.id, p.workspaceId, { at: now }, null]),
          );
          await appendRows(
            c,
            'identities',
            plan.newIdentities.map((i) => [i.workspaceId, i.kind, i.value, i.profileId, { at: now }]),
          );
          for (const m of plan.merges) {
            const args = [m.workspaceId, m.from, m.into];
            await c.run(
              'UPDATE profiles SET merged_into = $3 WHERE workspace_id = $1 AND (id = $2 OR merged_into = $2)',
              args,
            );
            await c.run(
              'UPDATE identities SET profile_id = $3 WHERE workspace_id = $1 AND profile_id = $2',
              args,
            );
            await c.run(
              'UPDATE profile_traits SET profile_id = $3 WHERE workspace_id = $1 AND profile_id = $2',
              args,
            );
            await c.run(
              'UPDATE profile_groups SET profile_id = $3 WHERE workspace_id = $1 AND profile_id = $2',
              args,
            );
          }
          await appendRows(
            c,
            'profile_traits',
            traits.map((t) => [
              t.workspaceId,
              t.profileId,
              t.trait,
              JSON.stringify(t.value ?? null),
              { at: t.observedAt },
              t.messageId,
            ]),
          );
          await appendRows(
            c,
            'profile_groups',
            groups.map((g) => [
              g.workspaceId,
              g.profileId,
              g.groupId,
              JSON.stringify(g.traits),
              { at: g.observedAt },
            ]),
          );
          if (events.length) {
            const appender = await c.createAppender('events');
            appendEvents(appender, events);
            appender.closeSync();
          }
          await c.run('COMMIT');
        } catch (error) {
          await c.run('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
    },

    async lastIngestSeq() {
      const rows = await database.autocommit.all('SELECT coalesce(max(ingest_seq), 0) AS seq FROM events');
      return Number(rows[0]?.seq ?? 0);
    },

    async recentMessageKeys(since, limit) {
      const rows = await database.autocommit.all(
        `SELECT workspace_id || chr(0) || message_id AS k FROM events
         WHERE received_at >= $1::TIMESTAMPTZ ORDER BY received_at DESC LIMIT $2`,
        [since, limit],
      );
      return rows.map((r) => str(r.k));
    },
  };
}
