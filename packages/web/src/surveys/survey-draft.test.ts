import { describe, expect, it } from 'vitest';
import {
  cleanDefinition,
  freshId,
  move,
  newQuestion,
  problemsAt,
  problemsOf,
  statusMoves,
  textIn,
} from './survey-draft';

describe('survey draft editing', () => {
  it('hands out the first free id', () => {
    expect(freshId('q', ['q1', 'q3'])).toBe('q2');
    expect(freshId('q', [])).toBe('q1');
  });

  it('creates questions with the fields their type requires', () => {
    expect(newQuestion('single_choice', ['q1']).choices).toHaveLength(2);
    expect(newQuestion('single_choice', ['q1']).id).toBe('q2');
    expect(newQuestion('rating', [])).toMatchObject({ min: 1, max: 5 });
    expect(newQuestion('matrix', [])).toMatchObject({
      rows: [{ id: 'r1' }],
      columns: [{ id: 'k1' }, { id: 'k2' }],
    });
    expect(newQuestion('consent', []).label).toEqual({ en: '', de: '' });
  });

  it('moves items up and down and ignores moves past either end', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('drops empty translations and optional texts, keeps empty titles for the server to name', () => {
    const cleaned = cleanDefinition({
      defaultLanguage: 'de',
      questions: [
        {
          id: 'q1',
          type: 'single_choice',
          title: { en: 'Topic?', de: '' },
          description: { en: ' ', de: '' },
          choices: [{ id: 'c1', label: { en: '', de: 'Preis' } }],
        },
        { id: 'q2', type: 'nps', title: { en: '', de: '' } },
      ],
    });
    expect(cleaned.questions[0]).toEqual({
      id: 'q1',
      type: 'single_choice',
      title: { en: 'Topic?' },
      choices: [{ id: 'c1', label: { de: 'Preis' } }],
    });
    expect(cleaned.questions[1]?.title).toEqual({});
  });

  it('reads a text in the asked language, then the default one', () => {
    expect(textIn({ en: 'Hello', de: 'Hallo' }, 'de', 'en')).toBe('Hallo');
    expect(textIn({ en: 'Hello', de: '' }, 'de', 'en')).toBe('Hello');
    expect(textIn(undefined, 'de', 'en')).toBe('');
  });

  it('finds the problems of one field, including its languages but not its children', () => {
    const error = {
      code: 'CAIRN_SURVEY_INVALID',
      details: [
        { path: 'definition/questions/0/title', message: 'has no text in the default language en' },
        { path: 'definition/questions/0/title/de', message: 'too long' },
        { path: 'definition/questions/0/choices/1/id', message: 'duplicates id c1' },
        { nonsense: true },
      ],
    };
    const problems = problemsOf(error);
    expect(problems).toHaveLength(3);
    expect(problemsAt(problems, 'definition/questions/0/title')).toHaveLength(2);
    expect(problemsAt(problems, 'definition/questions/0')).toHaveLength(0);
    expect(problemsOf({ code: 'CAIRN_VALIDATION_FAILED', details: [] })).toEqual([]);
  });

  it('knows that closed is final', () => {
    expect(statusMoves.closed).toEqual([]);
    expect(statusMoves.draft).toContain('live');
  });
});
