#!/usr/bin/env node
// Text-analytics benchmark (issue: on-premises text analytics for German and English feedback).
// Measures verbatims per second on ONE core for the full enrichment (language, sentence and verbatim sentiment,
// topics with their sentiment, PII detection and redaction) over the shipped labelled verbatims (all splits, both
// languages), repeated, with the default taxonomy. The run is single-threaded, so the figure is per core.
// Usage: node bench/text.mjs [--seconds 5]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' } } });
const seconds = Number(values.seconds);
const load = (path) => tsImport(`../packages/server/src/domains/text/${path}`, import.meta.url);
const { enrichText } = await load('enrich.ts');
const { compileTaxonomy } = await load('taxonomy.ts');
const { defaultTopics } = await load('default-taxonomy.ts');

const verbatims = [];
for (const language of ['de', 'en']) {
  for (const split of ['dev', 'eval']) {
    const file = new URL(`../packages/server/data/text/sentiment-${language}.${split}.tsv`, import.meta.url);
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      if (line.includes('\t')) verbatims.push(line.slice(line.indexOf('\t') + 1));
    }
  }
}
// Some verbatims with personal data, as real feedback has: the PII detectors must run on hits too.
verbatims.push(
  'Mein Name ist Anna Schmidt, bitte ruft mich unter 0171 1234567 an, IBAN DE89 3704 0044 0532 0130 00.',
  'My name is John Smith, I live at 221 Baker Street, email john@example.com, call +44 20 7946 0958.',
);
const taxonomy = compileTaxonomy({ version: 0, topics: [...defaultTopics] });

// Warm-up: JIT and the per-word caches, as in a long-running server.
for (let i = 0; i < 3; i++) for (const v of verbatims) enrichText(v, taxonomy);

function measure(label, texts) {
  let done = 0;
  let chars = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < deadline) {
    for (const v of texts) {
      enrichText(v, taxonomy);
      chars += v.length;
    }
    done += texts.length;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `${label}: ${done} verbatims in ${elapsed.toFixed(2)} s on one core = ${Math.round(done / elapsed)} verbatims/s/core ` +
      `(${texts.length} distinct, mean ${Math.round(chars / done)} chars; target ≥ 5000/s/core)`,
  );
}

measure('shipped verbatims', verbatims);
// Longer answers: five neighbouring shipped verbatims (same language) joined, the length of a detailed complaint.
const long = verbatims.map((_, i) =>
  [0, 1, 2, 3, 4].map((k) => verbatims[(i + k) % verbatims.length]).join(' '),
);
measure('five joined', long);
