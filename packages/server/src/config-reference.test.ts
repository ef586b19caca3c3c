import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configReference } from './config.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** How the README shows a default: the value in backticks, or a dash when there is none. */
const shownDefault = (value: unknown) => (value === undefined ? '—' : `\`${String(value)}\``);

/** Rows of the table under "## Configuration": `| \`NAME\` | default | meaning |`, padded or not (Biome aligns tables). */
function readmeRows(): Map<string, string> {
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<string, string>();
  for (const match of section.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|\s*([^|]+?)\s*\|/gm)) {
    rows.set(match[1] as string, (match[2] as string).trim());
  }
  return rows;
}

describe('README configuration table', () => {
  it('lists exactly the variables of configReference() with their defaults', () => {
    const expected = new Map(configReference().map((v) => [v.name, shownDefault(v.default)]));
    const table = configReference()
      .map((v) => `| \`${v.name}\` | ${shownDefault(v.default)} | ${v.description} |`)
      .join('\n');
    // On failure, the message carries the rows to paste into the README.
    expect(Object.fromEntries(readmeRows()), `README rows should be:\n${table}`).toEqual(
      Object.fromEntries(expected),
    );
  });

  it('opens with the run command and the test command', () => {
    const blocks = [...readme.matchAll(/^```sh\n([^`]*?)\n```/gm)].map((m) => m[1]);
    expect(blocks.slice(0, 2)).toEqual(['npm ci && npm start', 'npm test']);
  });
});
