#!/usr/bin/env node
// `npm test`: the whole quality gate, in the order that fails fastest. Stops at the first failing step. The
// last line is always `N passed, N failed` (the test counts; a failed earlier step counts as one failure, so
// nothing that reads only the last line can mistake a broken build for a green run).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reportFile = path.join(root, 'test-artifacts', 'vitest-report.json');

const steps = [
  { title: 'Format and lint (biome check)', command: bin('biome'), args: ['check', '.'] },
  { title: 'Typecheck (tsc -p tsconfig.json)', command: bin('tsc'), args: ['-p', 'tsconfig.json'] },
  { title: 'Build (npm run build)', command: 'npm', args: ['run', 'build', '--silent'] },
  {
    title: 'Tests (vitest run)',
    command: bin('vitest'),
    // The default reporter is for people; the JSON file is where the closing counts come from.
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`],
  },
];

function closingLine(passed, failed) {
  console.log(`${passed} passed, ${failed} failed`);
}

function readCounts() {
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
  } catch {
    return undefined;
  }
}

mkdirSync(path.dirname(reportFile), { recursive: true });
rmSync(reportFile, { force: true });

for (const [index, step] of steps.entries()) {
  console.log(`\n▶ [${index + 1}/${steps.length}] ${step.title}`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const isTests = index === steps.length - 1;
  if (result.status === 0) {
    console.log(`✔ ${step.title} passed in ${seconds} s`);
    if (isTests) {
      const counts = readCounts() ?? { passed: 0, failed: 0 };
      closingLine(counts.passed, counts.failed);
    }
    continue;
  }
  const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
  console.error(`\n✘ npm test stopped: ${step.title} failed (${why}) after ${seconds} s.`);
  if (isTests) {
    const counts = readCounts();
    // A crash or a failing file without failing tests (e.g. an import error) still counts as a failure.
    closingLine(counts?.passed ?? 0, Math.max(counts?.failed ?? 0, 1));
  } else {
    closingLine(0, 1);
  }
  process.exit(1);
}
