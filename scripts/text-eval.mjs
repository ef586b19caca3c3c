#!/usr/bin/env node
// Sentiment evaluation on the labelled German and English verbatims in packages/server/data/text.
// Prints accuracy and macro-F1 per language. The held-out `eval` split is the default and the one to report;
// `--split dev` is for building rules, and only the dev split may print its misclassified verbatims (--errors):
// looking at held-out mistakes would be tuning on them.
// Usage: node scripts/text-eval.mjs [--split eval|dev] [--errors]
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { values } = parseArgs({
  options: { split: { type: 'string', default: 'eval' }, errors: { type: 'boolean', default: false } },
});
if (values.split !== 'eval' && values.split !== 'dev') throw new Error('--split must be eval or dev');
const { evaluate } = await tsImport('../packages/server/src/domains/text/eval/evaluate.ts', import.meta.url);
const pct = (x) => `${(x * 100).toFixed(1)}%`;
for (const language of ['de', 'en']) {
  const result = evaluate(language, values.split);
  const perClass = Object.entries(result.perClass)
    .map(([c, s]) => `${c} F1 ${s.f1.toFixed(3)}`)
    .join(', ');
  console.log(
    `${language} ${values.split}: n=${result.n} accuracy=${pct(result.accuracy)} macro-F1=${result.macroF1.toFixed(3)} (${perClass})`,
  );
  if (values.errors && values.split === 'dev') {
    for (const m of result.misclassified)
      console.log(`  ${m.expected} → ${m.predicted} (${m.score}): ${m.text}`);
  }
}
