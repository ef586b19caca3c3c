import { describe, expect, it } from 'vitest';
import { defaultTopics } from './default-taxonomy.js';
import { emergingPhrases, keyPhrases } from './emerging.js';
import { compileTaxonomy } from './taxonomy.js';

const taxonomy = compileTaxonomy({ version: 0, topics: [...defaultTopics] });

describe('emerging topics', () => {
  it('extracts content phrases, skipping stop words, opinion words, taxonomy words and redaction tags', () => {
    const phrases = [
      ...keyPhrases('Der Gutscheincode wurde nicht akzeptiert, ganz schlecht. [NAME]', taxonomy).keys(),
    ];
    expect(phrases).toContain('gutscheincod akzeptiert');
    expect(phrases).not.toContain('schlecht');
    expect(phrases).not.toContain('name');
    expect([...keyPhrases('The delivery was late', taxonomy).keys()]).toEqual([]);
  });

  it('ranks phrases that grew against the previous window and drops ones that did not', () => {
    const current = [
      'Der Gutscheincode wurde nicht akzeptiert.',
      'Gutscheincode nicht akzeptiert, ärgerlich.',
      'Mein Gutscheincode wurde wieder nicht akzeptiert!',
      'Die Filiale in Köln war voll.',
    ];
    const previous = ['Die Filiale in Köln war voll.', 'Filiale in Köln ist schön.'];
    const items = emergingPhrases(current, previous, taxonomy, { minCount: 2, limit: 10 });
    expect(items[0]).toEqual({ phrase: 'gutscheincode akzeptiert', current: 3, previous: 0, growth: 4 });
    expect(items.map((i) => i.phrase)).not.toContain('filiale');
    expect(items.map((i) => i.phrase)).not.toContain('gutscheincode');
  });
});
