/** Runs the sentiment of enrichText over a shipped labelled split and scores it. */
import { defaultTopics } from '../default-taxonomy.js';
import { enrichText } from '../enrich.js';
import { compileTaxonomy } from '../taxonomy.js';
import { loadLabelledSet, type Split } from './labelled-set.js';
import { type Scores, score } from './metrics.js';

export interface Evaluation extends Scores {
  language: 'de' | 'en';
  split: Split;
  misclassified: { text: string; expected: string; predicted: string; score: number }[];
}

export function evaluate(language: 'de' | 'en', split: Split): Evaluation {
  const taxonomy = compileTaxonomy({ version: 0, topics: [...defaultTopics] });
  const results = loadLabelledSet(language, split).map((item) => ({
    item,
    enrichment: enrichText(item.text, taxonomy),
  }));
  const scores = score(
    results.map((r) => ({ expected: r.item.label, predicted: r.enrichment.sentiment.label })),
  );
  return {
    ...scores,
    language,
    split,
    misclassified: results
      .filter((r) => r.item.label !== r.enrichment.sentiment.label)
      .map((r) => ({
        text: r.item.text,
        expected: r.item.label,
        predicted: r.enrichment.sentiment.label,
        score: r.enrichment.sentiment.score,
      })),
  };
}
