import type { AnswerInput } from '@cairn/protocol';
import { describe, expect, it } from 'vitest';
import { firstScore, missingRequired, validateAnswers } from './answer-validation.js';
import { acceptedLanguages, localiseDefinition, pickLanguage } from './localise.js';
import { npsDefinition } from './survey-fixtures.js';

const answer = (questionId: string, value: AnswerInput['value']): AnswerInput => ({ questionId, value });

describe('answers against a survey version', () => {
  it('checks ranges, choice ids and unknown questions with the question named', () => {
    expect(() => validateAnswers(npsDefinition, [answer('nps', 11)])).toThrow(
      /nps is invalid: expected a whole number from 0 to 10/,
    );
    expect(() => validateAnswers(npsDefinition, [answer('nps', 7.5)])).toThrow(/nps/);
    expect(() => validateAnswers(npsDefinition, [answer('topic', 'weather')])).toThrow(/topic is invalid/);
    expect(() => validateAnswers(npsDefinition, [answer('ghost', 1)])).toThrow(
      /ghost is invalid: this survey version has no such question/,
    );
    expect(validateAnswers(npsDefinition, [answer('nps', 10), answer('topic', 'price')])).toHaveLength(2);
  });

  it('requires only the questions on the respondent path (promoters skip "why")', () => {
    const promoter = validateAnswers(npsDefinition, [answer('nps', 10)]);
    expect(missingRequired(npsDefinition, promoter)).toBeNull();
    const detractor = validateAnswers(npsDefinition, [answer('nps', 3)]);
    expect(missingRequired(npsDefinition, detractor)?.message).toContain('why');
    expect(firstScore(npsDefinition, detractor)).toBe(3);
  });

  it('resolves the language: exact, primary subtag, default; Accept-Language by quality', () => {
    expect(pickLanguage(npsDefinition, [undefined, 'de-AT'])).toBe('de');
    expect(pickLanguage(npsDefinition, ['fr'])).toBe('en');
    expect(acceptedLanguages('fr;q=0.9, de-CH, en;q=0.5')).toEqual(['de-CH', 'fr', 'en']);
    const de = localiseDefinition(npsDefinition, 'de') as unknown as { questions: { title: string }[] };
    expect(de.questions[1]?.title).toBe('Was sollten wir verbessern?');
  });
});
