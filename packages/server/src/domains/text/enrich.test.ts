import { describe, expect, it } from 'vitest';
import { defaultTopics } from './default-taxonomy.js';
import { enrichText } from './enrich.js';
import { compileTaxonomy } from './taxonomy.js';

const taxonomy = compileTaxonomy({ version: 0, topics: [...defaultTopics] });
const enrich = (text: string) => enrichText(text, taxonomy);
const label = (text: string) => enrich(text).sentiment.label;
const topic = (text: string, id: string) => enrich(text).topics.find((t) => t.id === id);

describe('sentiment', () => {
  it('flips on negation in German and English, before and after the word', () => {
    expect(label('Das Essen war gut.')).toBe('positive');
    expect(label('Die Lieferung war nicht gut.')).toBe('negative');
    expect(label('Ich bin nicht zufrieden mit dem Service.')).toBe('negative');
    expect(label('Die App gefällt mir nicht.')).toBe('negative');
    expect(label('Die App funktioniert nicht.')).toBe('negative');
    expect(label('I am not happy with the delivery.')).toBe('negative');
    expect(label("The app doesn't work.")).toBe('negative');
  });

  it('reads negated negatives and set phrases the way customers mean them', () => {
    expect(label('Kein Problem, alles bestens.')).toBe('positive');
    expect(label('Nicht schlecht für den Preis.')).toBe('positive');
    expect(label('Not bad at all.')).toBe('positive');
    expect(label('No problem at all, thanks.')).toBe('positive');
    expect(label('Never again.')).toBe('negative');
    expect(label('Nie wieder bestelle ich hier.')).toBe('negative');
  });

  it('scales with intensifiers and downtoners', () => {
    const plain = enrich('The staff were friendly.').sentiment.score;
    expect(enrich('The staff were very friendly.').sentiment.score).toBeGreaterThan(plain);
    expect(enrich('The staff were slightly friendly.').sentiment.score).toBeLessThan(plain);
    const gut = enrich('Der Service war gut.').sentiment.score;
    expect(enrich('Der Service war extrem gut.').sentiment.score).toBeGreaterThan(gut);
    expect(enrich('Der Service war etwas gut.').sentiment.score).toBeLessThan(gut);
  });

  it('weighs the clause after a contrast word more (mixed sentiment)', () => {
    expect(label('Die Lieferung war schnell, aber die Ware war kaputt.')).toBe('negative');
    expect(label('The delivery was a bit late, but the quality is excellent.')).toBe('positive');
    expect(label('Schnelle Lieferung. Aber leider war der Artikel beschädigt.')).toBe('negative');
  });

  it('gives each topic the sentiment of its own clause in mixed feedback', () => {
    const text = 'Die Lieferung war super schnell, aber der Kundenservice war unfreundlich.';
    expect(topic(text, 'delivery')?.sentiment.label).toBe('positive');
    expect(topic(text, 'customer-service')?.sentiment.label).toBe('negative');
    const english = 'Payment was easy but the app keeps crashing.';
    expect(topic(english, 'payment')?.sentiment.label).toBe('positive');
    expect(topic(english, 'app-website')?.sentiment.label).toBe('negative');
  });

  it('counts emojis and emoticons', () => {
    expect(label('Paket ist da 😍')).toBe('positive');
    expect(label('Parcel arrived 😡')).toBe('negative');
    expect(label('Thanks :)')).toBe('positive');
  });

  it('scores each sentence on its own', () => {
    const result = enrich('The app is great. The delivery was terrible.');
    expect(result.sentences.map((s) => s.sentiment.label)).toEqual(['positive', 'negative']);
    expect(result.sentences[1]?.start).toBe(18);
  });
});

describe('German compounds', () => {
  it('splits Lieferverzögerung into delivery and a negative head', () => {
    const result = enrich('Die Lieferverzögerung war ärgerlich.');
    expect(result.topics.map((t) => t.id)).toEqual(expect.arrayContaining(['delivery', 'waiting-time']));
    expect(enrich('Schon wieder eine Lieferverzögerung.').sentiment.label).toBe('negative');
  });

  it('finds customer service in Kundenservicehotline', () => {
    const result = enrich('Die Kundenservicehotline war stundenlang besetzt und niemand hat geholfen.');
    expect(result.topics.map((t) => t.id)).toContain('customer-service');
    expect(topic('Die Kundenservicehotline war super freundlich.', 'customer-service')?.sentiment.label).toBe(
      'positive',
    );
  });

  it('does not read a verb prefix as a compound modifier', () => {
    expect(label('Das Internet ist gestern ausgefallen.')).not.toBe('positive');
  });
});

describe('language', () => {
  it('detects German and English, long and short', () => {
    expect(enrich('Die Lieferung kam pünktlich und der Fahrer war sehr freundlich.').language).toBe('de');
    expect(enrich('The parcel arrived on time and the driver was very friendly.').language).toBe('en');
    expect(enrich('Super schnell!').language).toBe('de');
    expect(enrich('Slow, expensive, unreliable.').language).toBe('en');
  });

  it('marks French and Spanish as unknown rather than guessing', () => {
    expect(enrich('La livraison était très rapide, merci beaucoup pour votre service.').language).toBe(
      'unknown',
    );
    expect(enrich('El pedido llegó tarde y el servicio al cliente no respondió nunca.').language).toBe(
      'unknown',
    );
    expect(enrich('').language).toBe('unknown');
  });
});
