/**
 * Events travel to the store as rows of newline-delimited JSON with the events table's column names (a format
 * DuckDB and ClickHouse both load natively). A row is encoded once, where its message is prepared, in a worker
 * thread; the writer decides three columns later (workspace, profile, arrival sequence), so each row starts with
 * fixed-width slots for them that are overwritten in place:
 *
 *   {"workspace_id":"<36>","profile_id":"<36>","ingest_seq":<20>,<the other columns>}\n
 *
 * Ids are UUIDs (36 characters); the sequence is right-aligned in 20 characters with leading spaces, which JSON
 * allows before a number. Filling a slot is a byte copy: no string per event on the event loop, no re-encoding.
 */
const idWidth = 36;
const seqWidth = 20;
const head = '{"workspace_id":"';
const workspaceAt = head.length;
const profileAt = workspaceAt + idWidth + '","profile_id":"'.length;
const seqAt = profileAt + idWidth + '","ingest_seq":'.length;
const blankSlots = `${head}${' '.repeat(idWidth)}","profile_id":"${' '.repeat(idWidth)}","ingest_seq":${' '.repeat(seqWidth)},`;

/** Rows of several messages in one buffer (one allocation, one transfer between threads). */
export function encodeRows(columns: readonly string[]): Uint8Array[] {
  const line = (c: string) => (c === '{}' ? `${blankSlots.slice(0, -1)}}\n` : `${blankSlots}${c.slice(1)}\n`);
  const bytes = Buffer.from(columns.map(line).join(''));
  const rows: Uint8Array[] = [];
  // JSON text holds no raw line breaks (inside strings they are escaped), so each one ends a row.
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(10, start) + 1;
    rows.push(bytes.subarray(start, end));
    start = end;
  }
  return rows;
}

/** Fills the three writer-decided columns of a row in place (ids are the writer's own UUIDs: ASCII, no quotes). */
export function fillRow(row: Uint8Array, workspaceId: string, profileId: string, ingestSeq: number): void {
  const seq = String(ingestSeq).padStart(seqWidth, ' ');
  if (workspaceId.length !== idWidth || profileId.length !== idWidth || seq.length !== seqWidth) {
    throw new Error(`cannot fill the row slots with ${workspaceId}, ${profileId}, ${ingestSeq}`);
  }
  const bytes = Buffer.isBuffer(row) ? row : Buffer.from(row.buffer, row.byteOffset, row.byteLength);
  bytes.write(workspaceId, workspaceAt, 'latin1');
  bytes.write(profileId, profileAt, 'latin1');
  bytes.write(seq, seqAt, 'latin1');
}
