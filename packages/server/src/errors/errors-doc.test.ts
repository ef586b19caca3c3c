import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from './catalogue.js';

const docPath = fileURLToPath(new URL('../../../../docs/errors.md', import.meta.url));

/** `| \`CAIRN_X\` | 404 | meaning |` rows of the table, whatever the column padding. */
function documentedCodes(markdown: string): Map<string, { status: number; meaning: string }> {
  const rows = new Map<string, { status: number; meaning: string }>();
  for (const line of markdown.split('\n')) {
    const match = line.match(/^\|\s*`(CAIRN_[A-Z_]+)`\s*\|\s*(\d{3})\s*\|\s*(.*?)\s*\|\s*$/);
    if (!match) continue;
    const [, code, status, meaning] = match as unknown as [string, string, string, string];
    if (rows.has(code)) throw new Error(`${code} is documented twice`);
    rows.set(code, { status: Number(status), meaning });
  }
  return rows;
}

describe('docs/errors.md and the error catalogue', () => {
  const documented = documentedCodes(readFileSync(docPath, 'utf8'));
  const catalogue = Object.entries(errorCatalogue);

  it('lists every catalogue code with its status and a meaning', () => {
    const problems = catalogue.flatMap(([code, { status }]) => {
      const row = documented.get(code);
      if (!row) return [`${code} is missing from docs/errors.md`];
      if (row.status !== status) return [`${code}: docs say ${row.status}, catalogue says ${status}`];
      return row.meaning.length < 10 ? [`${code} has no meaning`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('documents no code the catalogue lacks', () => {
    const unknown = [...documented.keys()].filter((code) => !(code in errorCatalogue));
    expect(unknown).toEqual([]);
  });

  it('parses the table at all (a formatting change must not make the test vacuous)', () => {
    expect(documented.size).toBeGreaterThanOrEqual(catalogue.length);
  });
});
