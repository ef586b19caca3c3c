/**
 * One workspace's events as columns in memory, grouped by the profile they were stored with and, within a
 * profile, ordered by (occurred_at, ingest_seq): the order every journey analysis reads a customer's events in.
 * Strings are dictionary codes; a profile is a dense number.
 */
export interface TimelineColumns {
  /** Events of profile p are at [offsets[p], offsets[p + 1]); profiles beyond the end have none. */
  offsets: Int32Array;
  /** occurred_at in microseconds since the epoch. */
  t: Float64Array;
  seq: Float64Array;
  /** Step name: the event name of a track call, the page path (else name, else type) of a page/screen view; −1 none. */
  node: Int32Array;
  /** See EventKind. */
  kind: Int32Array;
  /** Channel code, −1 for none. */
  channel: Int32Array;
}

export const EventKind = { other: 0, track: 1, view: 2 } as const;

/** Events read from the store, in no particular order, profiles already numbered. */
export interface EventBatch {
  profile: Int32Array;
  t: Float64Array;
  seq: Float64Array;
  node: Int32Array;
  kind: Int32Array;
  channel: Int32Array;
}

export const emptyColumns = (): TimelineColumns => ({
  offsets: new Int32Array(1),
  t: new Float64Array(0),
  seq: new Float64Array(0),
  node: new Int32Array(0),
  kind: new Int32Array(0),
  channel: new Int32Array(0),
});

export const eventCount = (c: TimelineColumns) => c.t.length;

/** Whether event a comes before event b: by time, then by arrival. */
const before = (c: TimelineColumns, a: number, b: number) =>
  c.t[a] !== c.t[b] ? (c.t[a] as number) < (c.t[b] as number) : (c.seq[a] as number) < (c.seq[b] as number);

/** Sorts positions of events into (t, seq) order. */
const sortByTime = (c: TimelineColumns, positions: number[]) =>
  positions.sort((a, b) => (before(c, a, b) ? -1 : before(c, b, a) ? 1 : 0));

/**
 * New columns holding `columns` and `batch`. A counting pass places every profile's events together (old ones
 * first, in their order), then profiles that received events are put back in order. O(events + batch), so a
 * query after new events pays one pass over the workspace (tens of milliseconds per million events), not a
 * sort. Yields to the event loop between stretches of work.
 */
export async function withBatch(
  columns: TimelineColumns,
  batch: EventBatch,
  profileCount: number,
): Promise<TimelineColumns> {
  const total = eventCount(columns) + batch.t.length;
  const oldProfiles = columns.offsets.length - 1;
  const offsets = new Int32Array(profileCount + 1);
  for (let p = 0; p < oldProfiles; p++) {
    offsets[p + 1] = (columns.offsets[p + 1] as number) - (columns.offsets[p] as number);
  }
  await inSlices(batch.profile.length, (from, to) => {
    for (let i = from; i < to; i++) (offsets[(batch.profile[i] as number) + 1] as number)++;
  });
  for (let p = 0; p < profileCount; p++) offsets[p + 1] = (offsets[p + 1] as number) + (offsets[p] as number);

  const out: TimelineColumns = {
    offsets,
    t: new Float64Array(total),
    seq: new Float64Array(total),
    node: new Int32Array(total),
    kind: new Int32Array(total),
    channel: new Int32Array(total),
  };
  // Old events move as blocks: a run of profiles that received nothing new keeps one shift.
  let runStart = 0;
  for (let p = 1; p <= oldProfiles; p++) {
    const shift = (offsets[p - 1] as number) - (columns.offsets[p - 1] as number);
    const nextShift = p < oldProfiles ? (offsets[p] as number) - (columns.offsets[p] as number) : Number.NaN;
    if (shift === nextShift) continue;
    const from = columns.offsets[runStart] as number;
    const to = columns.offsets[p] as number;
    for (const name of columnNames) out[name].set(columns[name].subarray(from, to), from + shift);
    runStart = p;
  }
  await nextTurn();
  const cursor = new Int32Array(profileCount);
  for (let p = 0; p < profileCount; p++) {
    const old = p < oldProfiles ? (columns.offsets[p + 1] as number) - (columns.offsets[p] as number) : 0;
    cursor[p] = (offsets[p] as number) + old;
  }
  const touched = new Uint8Array(profileCount);
  await inSlices(batch.profile.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const p = batch.profile[i] as number;
      const at = cursor[p] as number;
      cursor[p] = at + 1;
      out.t[at] = batch.t[i] as number;
      out.seq[at] = batch.seq[i] as number;
      out.node[at] = batch.node[i] as number;
      out.kind[at] = batch.kind[i] as number;
      out.channel[at] = batch.channel[i] as number;
      touched[p] = 1;
    }
  });
  for (let p = 0; p < profileCount; p++) {
    if (p % profilesPerTurn === profilesPerTurn - 1) await nextTurn();
    if (touched[p]) putInOrder(out, offsets[p] as number, offsets[p + 1] as number);
  }
  return out;
}

const columnNames = ['t', 'seq', 'node', 'kind', 'channel'] as const;

/** Profiles handled between two turns of the event loop: work on 10M events must not hold up ingestion. */
const profilesPerTurn = 50_000;
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `work` over [0, length) in slices of a million, yielding to the event loop between them. */
export async function inSlices(length: number, work: (from: number, to: number) => void): Promise<void> {
  const slice = 1_000_000;
  for (let from = 0; from < length; from += slice) {
    work(from, Math.min(length, from + slice));
    if (from + slice < length) await nextTurn();
  }
}

/** Sorts events [from, to) by (t, seq): insertion for the usual handful, an index sort for long histories. */
function putInOrder(c: TimelineColumns, from: number, to: number): void {
  let sorted = true;
  for (let i = from + 1; i < to && sorted; i++) sorted = !before(c, i, i - 1);
  if (sorted) return;
  if (to - from <= 32) {
    insertionSort(c, from, to);
    return;
  }
  const order = Array.from({ length: to - from }, (_, i) => from + i);
  sortByTime(c, order);
  for (const name of columnNames) {
    const column = c[name];
    const moved = order.map((i) => column[i] as number);
    column.set(moved, from);
  }
}

function insertionSort(c: TimelineColumns, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const t = c.t[i] as number;
    const seq = c.seq[i] as number;
    const node = c.node[i] as number;
    const kind = c.kind[i] as number;
    const channel = c.channel[i] as number;
    let j = i;
    for (; j > from; j--) {
      const pt = c.t[j - 1] as number;
      if (pt < t || (pt === t && (c.seq[j - 1] as number) < seq)) break;
      c.t[j] = pt;
      c.seq[j] = c.seq[j - 1] as number;
      c.node[j] = c.node[j - 1] as number;
      c.kind[j] = c.kind[j - 1] as number;
      c.channel[j] = c.channel[j - 1] as number;
    }
    c.t[j] = t;
    c.seq[j] = seq;
    c.node[j] = node;
    c.kind[j] = kind;
    c.channel[j] = channel;
  }
}

/**
 * Which stored profiles count as one customer: a merged profile's events belong to the profile it was merged
 * into (profiles.merged_into, always the final survivor).
 */
export interface Customers {
  /** mergedAway[p] = 1 when profile p was merged into another. */
  mergedAway: Uint8Array;
  /** Survivor → the profiles merged into it. */
  members: Map<number, number[]>;
}

export const noMerges = (): Customers => ({ mergedAway: new Uint8Array(0), members: new Map() });

/**
 * A customer's events in a time range: rows [from, to) of `events`, in (t, seq) order. `events` are the timelines
 * themselves or a customer's merged events copied out into columns of the same shape (so the scan's property
 * reads stay monomorphic).
 */
export type CustomerVisitor = (events: TimelineColumns, from: number, to: number) => void;

/**
 * Calls `visit` once per customer with at least one event in [fromUs, toUs). A customer is usually one profile,
 * whose events are already contiguous and in order; the events of a survivor and the profiles merged into it are
 * copied into scratch columns and put in order. Yields to the event loop every few thousand profiles.
 */
export async function forEachCustomer(
  c: TimelineColumns,
  customers: Customers,
  range: { fromUs: number; toUs: number },
  visit: CustomerVisitor,
): Promise<void> {
  const profiles = c.offsets.length - 1;
  // A survivor may have no events of its own, so no place in the columns.
  let last = profiles - 1;
  for (const survivor of customers.members.keys()) last = Math.max(last, survivor);
  const merged = new MergedEvents(c);
  for (let p = 0; p <= last; p++) {
    if (p % profilesPerTurn === profilesPerTurn - 1) await nextTurn();
    if (customers.mergedAway[p]) continue;
    const members = customers.members.get(p);
    if (members) {
      const length = merged.gather([p, ...members], range);
      if (length > 0) visit(merged.columns, 0, length);
      continue;
    }
    if (p >= profiles) continue;
    let from = c.offsets[p] as number;
    let to = c.offsets[p + 1] as number;
    while (from < to && (c.t[from] as number) < range.fromUs) from++;
    while (to > from && (c.t[to - 1] as number) >= range.toUs) to--;
    if (to > from) visit(c, from, to);
  }
}

/** Scratch columns for one customer made of several profiles. */
class MergedEvents {
  columns: TimelineColumns = MergedEvents.sized(64);

  constructor(private readonly c: TimelineColumns) {}

  /** Copies the in-range events of `profiles` into `columns`, in (t, seq) order; returns how many. */
  gather(profiles: number[], range: { fromUs: number; toUs: number }): number {
    const { c } = this;
    const rows: number[] = [];
    for (const p of profiles) {
      if (p >= c.offsets.length - 1) continue;
      for (let i = c.offsets[p] as number; i < (c.offsets[p + 1] as number); i++) {
        const t = c.t[i] as number;
        if (t >= range.fromUs && t < range.toUs) rows.push(i);
      }
    }
    sortByTime(c, rows);
    if (this.columns.t.length < rows.length) this.columns = MergedEvents.sized(rows.length * 2);
    const out = this.columns;
    rows.forEach((i, at) => {
      out.t[at] = c.t[i] as number;
      out.seq[at] = c.seq[i] as number;
      out.node[at] = c.node[i] as number;
      out.kind[at] = c.kind[i] as number;
      out.channel[at] = c.channel[i] as number;
    });
    return rows.length;
  }

  private static sized(length: number): TimelineColumns {
    return {
      offsets: new Int32Array(0),
      t: new Float64Array(length),
      seq: new Float64Array(length),
      node: new Int32Array(length),
      kind: new Int32Array(length),
      channel: new Int32Array(length),
    };
  }
}

/**
 * Compares strings the way DuckDB orders VARCHAR (by UTF-8 bytes, i.e. by code point). JavaScript's `<` compares
 * UTF-16 units, which puts characters above U+FFFF (surrogate pairs) before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (unit: number) =>
  unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;
