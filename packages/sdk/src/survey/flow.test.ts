import { describe, expect, it } from 'vitest';
import {
  conditionHolds,
  endScreen,
  isAnswered,
  nextDestination,
  safeHttpUrl,
  satisfiesRequired,
} from './flow.js';
import type { AnswerValue, LogicRule, Question, SurveyDefinition } from './types.js';

/** A branching rule; `then` is the contract's key name, so the lint rule against thenables is waived here only. */
function jump(questionId: string, op: LogicRule['if']['op'], value: number, goTo: string): LogicRule {
  // biome-ignore lint/suspicious/noThenProperty: the survey contract's key, never awaited
  return { if: { questionId, op, value }, then: { goTo } };
}

const definition: SurveyDefinition = {
  questions: [
    {
      id: 'nps',
      type: 'nps',
      title: 'How likely are you to recommend us?',
      required: true,
      logic: [jump('nps', 'lte', 6, 'why'), jump('nps', 'gte', 9, 'end')],
    },
    { id: 'passive', type: 'text', title: 'What would make it a 10?' },
    { id: 'why', type: 'text', title: 'What went wrong?' },
    { id: 'topics', type: 'multiple_choice', title: 'Topics', choices: [{ id: 'price', label: 'Price' }] },
  ],
  end: { title: 'Thanks' },
  thankYou: [
    {
      questionId: 'nps',
      range: [9, 10],
      title: 'Promoter thanks',
      link: { label: 'Review', url: 'https://r.example' },
    },
    { questionId: 'nps', range: [0, 6], title: 'Sorry to hear' },
  ],
};

const answers = (entries: Record<string, AnswerValue>) => new Map(Object.entries(entries));

describe('survey branching', () => {
  it('jumps to the question the first matching rule names', () => {
    expect(nextDestination(definition, 0, answers({ nps: 3 }))).toEqual({ kind: 'question', index: 2 });
    expect(nextDestination(definition, 0, answers({ nps: 6 }))).toEqual({ kind: 'question', index: 2 });
  });

  it('ends the survey when a rule says end', () => {
    expect(nextDestination(definition, 0, answers({ nps: 9 }))).toEqual({ kind: 'end' });
  });

  it('goes to the next question when no rule matches, and ends after the last one', () => {
    expect(nextDestination(definition, 0, answers({ nps: 7 }))).toEqual({ kind: 'question', index: 1 });
    expect(nextDestination(definition, 3, answers({ nps: 7 }))).toEqual({ kind: 'end' });
  });

  it('never jumps backwards or to an unknown question (that would loop or strand the respondent)', () => {
    const looping: SurveyDefinition = {
      ...definition,
      questions: [
        { id: 'a', type: 'ces', title: 'A' },
        {
          id: 'b',
          type: 'ces',
          title: 'B',
          logic: [jump('a', 'gt', 0, 'a')],
        },
        {
          id: 'c',
          type: 'ces',
          title: 'C',
          logic: [jump('a', 'gt', 0, 'missing')],
        },
        { id: 'd', type: 'ces', title: 'D' },
      ],
    };
    expect(nextDestination(looping, 1, answers({ a: 5 }))).toEqual({ kind: 'question', index: 2 });
    expect(nextDestination(looping, 2, answers({ a: 5 }))).toEqual({ kind: 'question', index: 3 });
  });

  it('evaluates every operator, and a skipped question matches nothing', () => {
    const on = (
      value: AnswerValue,
      op: 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'includes',
      expected: number | string | boolean,
    ) => conditionHolds({ questionId: 'q', op, value: expected }, answers({ q: value }));
    expect([on(4, 'lt', 5), on(5, 'lt', 5), on(5, 'lte', 5), on(6, 'gt', 5), on(5, 'gte', 5)]).toEqual([
      true,
      false,
      true,
      true,
      true,
    ]);
    expect(on(3, 'eq', 3)).toBe(true);
    expect(on('price', 'eq', 'price')).toBe(true);
    expect(on(true, 'eq', true)).toBe(true);
    expect(on(['price', 'speed'], 'includes', 'speed')).toBe(true);
    expect(on(['price'], 'includes', 'speed')).toBe(false);
    expect(on('The PRICE is high', 'includes', 'price')).toBe(true);
    expect(on('7', 'gt', 5)).toBe(false);
    expect(conditionHolds({ questionId: 'skipped', op: 'lt', value: 100 }, answers({}))).toBe(false);
  });
});

describe('thank-you screen by answer range', () => {
  it('picks the first range that holds the answer, inclusive at both ends', () => {
    expect(endScreen(definition, answers({ nps: 9 }))?.title).toBe('Promoter thanks');
    expect(endScreen(definition, answers({ nps: 10 }))?.title).toBe('Promoter thanks');
    expect(endScreen(definition, answers({ nps: 0 }))?.title).toBe('Sorry to hear');
    expect(endScreen(definition, answers({ nps: 6 }))?.title).toBe('Sorry to hear');
  });

  it('falls back to the end screen when no range holds or the question was skipped', () => {
    expect(endScreen(definition, answers({ nps: 7 }))?.title).toBe('Thanks');
    expect(endScreen(definition, answers({}))?.title).toBe('Thanks');
    expect(endScreen({ ...definition, thankYou: undefined }, answers({ nps: 10 }))?.title).toBe('Thanks');
  });
});

describe('answers', () => {
  const matrix: Question = {
    id: 'm',
    type: 'matrix',
    title: 'Rate',
    required: true,
    rows: [
      { id: 'speed', label: 'Speed' },
      { id: 'price', label: 'Price' },
    ],
    columns: [{ id: 'good', label: 'Good' }],
  };
  const consent: Question = { id: 'c', type: 'consent', title: 'May we contact you?', required: true };

  it('does not count empty text, selections or an unticked consent as an answer', () => {
    const text: Question = { id: 't', type: 'text', title: 'T' };
    expect(isAnswered(text, '  ')).toBe(false);
    expect(isAnswered(text, 'ok')).toBe(true);
    expect(isAnswered(consent, false)).toBe(false);
    expect(isAnswered({ id: 'n', type: 'nps', title: 'N' }, 0)).toBe(true);
  });

  it('treats a question as required unless it says required: false (the server default)', () => {
    const text: Question = { id: 't', type: 'text', title: 'T' };
    expect(satisfiesRequired(text, undefined)).toBe(false);
    expect(satisfiesRequired({ ...text, required: false }, undefined)).toBe(true);
  });

  it('requires every row of a required matrix', () => {
    expect(satisfiesRequired(matrix, { speed: 'good' })).toBe(false);
    expect(satisfiesRequired(matrix, { speed: 'good', price: 'good' })).toBe(true);
    expect(satisfiesRequired({ ...matrix, required: false }, undefined)).toBe(true);
    expect(satisfiesRequired(consent, false)).toBe(false);
  });

  it('renders only http(s) links', () => {
    expect(safeHttpUrl('https://reviews.example/cairn')).toBe('https://reviews.example/cairn');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
  });
});
