import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { encodeRows, fillRow } from './event-rows.js';

const writerColumns = ['workspace_id', 'profile_id', 'ingest_seq', '__proto__'];
const columnName = fc.string().filter((name) => !writerColumns.includes(name));
const decode = (row: Uint8Array) => Buffer.from(row).toString('utf8');

describe('event rows', () => {
  it('encodes any column values as one JSON line each, and fills the writer slots in place', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(columnName, fc.oneof(fc.string(), fc.integer(), fc.constant(null))), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(),
        (columnSets, seq) => {
          const rows = encodeRows(columnSets.map((c) => JSON.stringify(c)));
          expect(rows).toHaveLength(columnSets.length);
          rows.forEach((row, i) => {
            const workspaceId = uuidv7();
            const profileId = uuidv7();
            fillRow(row, workspaceId, profileId, seq + i);
            const text = decode(row);
            expect(text.endsWith('\n')).toBe(true);
            expect(text.slice(0, -1)).not.toContain('\n');
            expect(JSON.parse(text)).toEqual({
              ...columnSets[i],
              workspace_id: workspaceId,
              profile_id: profileId,
              ingest_seq: seq + i,
            });
          });
        },
      ),
    );
  });

  it('refuses values that do not fit their slot instead of writing a broken row', () => {
    const [row] = encodeRows(['{}']);
    expect(() => fillRow(row as Uint8Array, 'short', uuidv7(), 1)).toThrow(/slots/);
    expect(() => fillRow(row as Uint8Array, uuidv7(), uuidv7(), 10 ** 20)).toThrow(/slots/);
  });
});
