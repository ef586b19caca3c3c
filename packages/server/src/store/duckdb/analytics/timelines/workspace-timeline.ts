import type { SnapshotReader } from '../../database.js';
import {
  type Customers,
  type EventBatch,
  emptyColumns,
  eventCount,
  inSlices,
  nextTurn,
  noMerges,
  type TimelineColumns,
  withBatch,
} from './timeline-columns.js';

/** Strings to dense numbers and back. */
class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly names: string[] = [];

  codeOf(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.codes.set(name, code);
      this.names.push(name);
    }
    return code;
  }

  find(name: string): number | undefined {
    return this.codes.get(name);
  }

  get size(): number {
    return this.names.length;
  }
}

const namesPerTurn = 100_000;

/**
 * What a query reads. A later sync builds new columns and merge lists instead of changing these, and dictionaries
 * only grow, so a scan that yields to the event loop meanwhile still reads one consistent state.
 */
export interface TimelineSnapshot {
  columns: TimelineColumns;
  customers: Customers;
  nodes: Dictionary;
  channels: Dictionary;
}

/** The step name of an event, as the paths and funnel SQL define it. */
const nodeSql = `CASE WHEN type = 'track' THEN event ELSE coalesce(page_path, event, type) END`;
const kindSql = `(CASE WHEN type = 'track' THEN 1 WHEN type IN ('page', 'screen') THEN 2 ELSE 0 END)::INTEGER`;

/**
 * One workspace's events in memory, kept in step with the events table. Events only ever arrive with a higher
 * ingest_seq than any stored before (one applier writes them in journal order), so a sync reads those above the
 * last one seen. Anything else — events deleted, profiles merged, the file restored — is noticed by a count or a
 * fingerprint and answered by reading the merges again or starting over.
 */
export class WorkspaceTimeline {
  private columns = emptyColumns();
  private lastSeq = -1;
  private customers = noMerges();
  private mergeFingerprint = '0:0';
  private readonly profiles = new Dictionary();
  private readonly nodes = new Dictionary();
  private readonly channels = new Dictionary();

  constructor(readonly workspaceId: string) {}

  /**
   * Brings the timeline up to the reader's snapshot: `current` when done, `behind` (nothing changed) when more than
   * `catchUpLimit` events arrived, `changed` when events it holds were deleted and it must be built anew.
   */
  async sync(reader: SnapshotReader, catchUpLimit: number): Promise<'current' | 'behind' | 'changed'> {
    const [state] = await reader.all(
      `SELECT count(*) FILTER (WHERE ingest_seq <= $2) AS kept, count(*) FILTER (WHERE ingest_seq > $2) AS new,
         coalesce(max(ingest_seq), -1) AS last
       FROM events WHERE workspace_id = $1`,
      [this.workspaceId, this.lastSeq],
    );
    // Fewer of the events seen before than held: some were deleted.
    if (Number(state?.kept ?? 0) !== eventCount(this.columns)) return 'changed';
    if (Number(state?.new ?? 0) > catchUpLimit) return 'behind';
    const last = Number(state?.last ?? -1);
    if (last > this.lastSeq) {
      const batch = await this.readBatch(reader, this.lastSeq, last);
      this.columns = await withBatch(this.columns, batch, this.profiles.size);
      this.lastSeq = last;
    }
    await this.syncMerges(reader);
    return 'current';
  }

  get snapshot(): TimelineSnapshot {
    return { columns: this.columns, customers: this.customers, nodes: this.nodes, channels: this.channels };
  }

  /**
   * Events with ingest_seq in (after, upTo]. Their strings come as three small sorted dictionaries and the rows as
   * numeric columns holding positions in them (decoding ten million strings one by one would take seconds).
   */
  private async readBatch(reader: SnapshotReader, after: number, upTo: number): Promise<EventBatch> {
    const params = [this.workspaceId, after, upTo];
    const batch = `SELECT profile_id, ${nodeSql} AS node, channel, ${kindSql} AS kind, occurred_at, ingest_seq
      FROM events WHERE workspace_id = $1 AND ingest_seq > $2 AND ingest_seq <= $3`;
    const dictionary = (column: string) =>
      `SELECT v, (row_number() OVER (ORDER BY v) - 1)::INTEGER AS code
       FROM (SELECT DISTINCT ${column} AS v FROM b WHERE ${column} IS NOT NULL)`;
    const toGlobal = async (column: string, into: Dictionary) => {
      const sql = `WITH b AS (${batch}) SELECT v FROM (${dictionary(column)}) ORDER BY code`;
      const { v } = await reader.columns(sql, params, { v: 'string' });
      const codes = new Int32Array(v.length);
      for (let i = 0; i < v.length; i++) {
        if (i % namesPerTurn === namesPerTurn - 1) await nextTurn();
        codes[i] = into.codeOf(v[i] as string);
      }
      return codes;
    };
    const profileCodes = await toGlobal('profile_id', this.profiles);
    const nodeCodes = await toGlobal('node', this.nodes);
    const channelCodes = await toGlobal('channel', this.channels);
    const rows = await reader.columns(
      `WITH b AS (${batch}), pd AS (${dictionary('profile_id')}), nd AS (${dictionary('node')}),
         cd AS (${dictionary('channel')})
       SELECT pd.code AS profile, coalesce(nd.code, -1) AS node, coalesce(cd.code, -1) AS channel, b.kind,
         epoch_us(b.occurred_at)::DOUBLE AS t, b.ingest_seq::DOUBLE AS seq
       FROM b JOIN pd ON pd.v = b.profile_id LEFT JOIN nd ON nd.v = b.node LEFT JOIN cd ON cd.v = b.channel`,
      params,
      {
        profile: 'integer',
        node: 'integer',
        channel: 'integer',
        kind: 'integer',
        t: 'double',
        seq: 'double',
      },
    );
    // From the batch's own dictionaries to the timeline's, in place.
    await inSlices(rows.t.length, (from, to) => {
      for (let i = from; i < to; i++) {
        rows.profile[i] = profileCodes[rows.profile[i] as number] as number;
        const node = rows.node[i] as number;
        if (node >= 0) rows.node[i] = nodeCodes[node] as number;
        const channel = rows.channel[i] as number;
        if (channel >= 0) rows.channel[i] = channelCodes[channel] as number;
      }
    });
    return rows;
  }

  /** Reads the merged profiles again when their count or fingerprint changed. */
  private async syncMerges(reader: SnapshotReader): Promise<void> {
    const params = [this.workspaceId];
    const merged = 'FROM profiles WHERE workspace_id = $1 AND merged_into IS NOT NULL';
    const [print] = await reader.all(
      `SELECT count(*) AS n, coalesce(bit_xor(hash(id, merged_into)), 0)::VARCHAR AS h ${merged}`,
      params,
    );
    const fingerprint = `${print?.n}:${print?.h}`;
    if (fingerprint === this.mergeFingerprint) return;
    const rows = await reader.all(`SELECT id, merged_into ${merged}`, params);
    const pairs = rows.map((r) => [
      this.profiles.codeOf(String(r.id)),
      this.profiles.codeOf(String(r.merged_into)),
    ]);
    const mergedAway = new Uint8Array(this.profiles.size);
    const members = new Map<number, number[]>();
    for (const [from, into] of pairs as [number, number][]) {
      mergedAway[from] = 1;
      const list = members.get(into);
      if (list) list.push(from);
      else members.set(into, [from]);
    }
    this.customers = { mergedAway, members };
    this.mergeFingerprint = fingerprint;
  }
}
