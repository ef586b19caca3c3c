/**
 * The labelled verbatims shipped in packages/server/data/text (see the README there for source, licence and
 * labelling). Files are `label<TAB>text` with a header line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SentimentLabel } from '../sentiment.js';

export type Split = 'dev' | 'eval';
export interface LabelledVerbatim {
  label: SentimentLabel;
  text: string;
}

/** packages/server/data/text, from src/domains/text/eval and from dist/domains/text/eval alike. */
export const dataDirectory = fileURLToPath(new URL('../../../../data/text/', import.meta.url));
const labels = new Set<string>(['negative', 'neutral', 'positive']);

export function loadLabelledSet(language: 'de' | 'en', split: Split): LabelledVerbatim[] {
  const source = readFileSync(`${dataDirectory}sentiment-${language}.${split}.tsv`, 'utf8');
  return source
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const tab = line.indexOf('\t');
      const label = line.slice(0, tab);
      if (!labels.has(label))
        throw new Error(`line ${i + 2} of ${language}.${split}: unknown label "${label}"`);
      return { label: label as SentimentLabel, text: line.slice(tab + 1) };
    });
}
