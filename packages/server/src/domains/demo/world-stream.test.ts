import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validateMessage } from '../collect/steps/validate.js';
import { demoSurveys } from './survey-definitions.js';
import { isSurveyResponse, type WorldRecord } from './world.js';
import { type GenerationStats, worldNdjson, worldRecords } from './world-stream.js';

/** The first `lines` NDJSON lines of a world, hashed. */
function hashOfFirstLines(seed: number, lines: number): string {
  const hash = createHash('sha256');
  let seen = 0;
  for (const chunk of worldNdjson({ seed, maxEvents: lines * 2 })) {
    for (const line of chunk.split('\n')) {
      if (!line || seen >= lines) continue;
      hash.update(`${line}\n`);
      seen++;
    }
    if (seen >= lines) break;
  }
  return hash.digest('hex');
}

const flatten = (options: Parameters<typeof worldRecords>[0]): WorldRecord[] =>
  [...worldRecords(options)].flat();

describe('the demo world generator', () => {
  it('yields byte-identical output for the same seed and different output for another seed', () => {
    const first = hashOfFirstLines(7, 20_000);
    expect(hashOfFirstLines(7, 20_000)).toBe(first);
    expect(hashOfFirstLines(8, 20_000)).not.toBe(first);
  });

  it('is a stream: the first records arrive from a world far larger than memory before the rest exists', () => {
    const stats: GenerationStats = { customers: 0, events: 0, surveyResponses: 0 };
    const chunks = worldNdjson({ seed: 1, maxEvents: 1e12 }, stats);
    const first = chunks.next();
    expect(first.done).toBe(false);
    expect(JSON.parse((first.value as string).split('\n')[0] as string)).toHaveProperty('messageId');
    expect(stats.events).toBeLessThan(100_000);
    chunks.return(undefined);
  });

  it('writes exactly the requested number of Segment messages, and a customer is the same however the world is cut', () => {
    const stats: GenerationStats = { customers: 0, events: 0, surveyResponses: 0 };
    const records = [...worldRecords({ seed: 3, maxEvents: 12_345 }, stats)].flat();
    expect(records.filter((r) => !isSurveyResponse(r))).toHaveLength(12_345);
    expect(stats.events).toBe(12_345);
    const small = [...worldRecords({ seed: 3, customers: 5 })];
    const large = [...worldRecords({ seed: 3, customers: 50 })];
    expect(large.slice(0, 5)).toEqual(small);
  });

  it('produces messages the ingestion pipeline accepts, with explicit timestamps inside one year and a channel', () => {
    const records = flatten({ seed: 11, customers: 300 });
    const messages = records.filter((r) => !isSurveyResponse(r));
    const times = records.map((r) => Date.parse(r.timestamp));
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(365 * 86_400_000);
    expect(new Date(Math.max(...times)).toISOString() < '2026-01-01').toBe(true);
    for (const message of messages) {
      const checked = validateMessage(structuredClone(message));
      expect(checked.ok, JSON.stringify(message)).toBe(true);
      expect(message.context.channel).toMatch(/^(web|app|email|sms|chat|store|phone)$/);
    }
    const channels = new Set(messages.map((m) => m.context.channel));
    expect([...channels].sort()).toEqual(['app', 'chat', 'email', 'phone', 'sms', 'store', 'web']);
    expect(new Set(records.map((r) => r.messageId)).size).toBe(records.length);
  });

  it('answers only the questions the demo surveys define, in German and English, with open text', () => {
    const responses = flatten({ seed: 5, customers: 2000 }).filter(isSurveyResponse);
    const questions = new Map(
      demoSurveys.map((s) => [s.key, new Set(s.definition.questions.map((q) => q.id))]),
    );
    for (const response of responses) {
      for (const answer of response.answers)
        expect(questions.get(response.survey)?.has(answer.questionId)).toBe(true);
    }
    expect(new Set(responses.map((r) => r.locale))).toEqual(new Set(['de', 'en']));
    const texts = responses.flatMap((r) =>
      r.answers.filter((a) => typeof a.value === 'string').map((a) => a.value),
    );
    expect(new Set(texts).size).toBeGreaterThan(50);
  });
});
