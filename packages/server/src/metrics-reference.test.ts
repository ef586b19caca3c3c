import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-support/test-app.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** Rows of the table under "## Metrics": `| \`name\` | type | meaning |`. */
function readmeRows(): Record<string, string> {
  const section = readme.split(/^## Metrics$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows: Record<string, string> = {};
  for (const match of section.matchAll(/^\|\s*`(cairn_[a-z_]+)`\s*\|\s*([a-z]+)\s*\|/gm)) {
    rows[match[1] as string] = match[2] as string;
  }
  return rows;
}

describe('README metrics table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("lists exactly Cairn's own metrics with their types", async () => {
    const exposition = (await t.app.inject({ url: '/metrics' })).body;
    const exported: Record<string, string> = {};
    for (const match of exposition.matchAll(/^# TYPE (cairn_(?:http|ingest)_[a-z_]+) ([a-z]+)$/gm)) {
      exported[match[1] as string] = match[2] as string;
    }
    expect(Object.keys(exported).length).toBeGreaterThan(5);
    expect(readmeRows()).toEqual(exported);
  });
});
