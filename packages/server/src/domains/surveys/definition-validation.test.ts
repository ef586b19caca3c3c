import { describe, expect, it } from 'vitest';
import { CairnError } from '../../errors/catalogue.js';
import { definitionProblems, parseDefinition } from './definition-validation.js';
import { npsDefinition } from './survey-fixtures.js';

type Loose = { questions: Record<string, unknown>[]; thankYou: { when: { questionId: string } }[] };
/** A copy to break on purpose, typed loosely enough to hold invalid values. */
const clone = () => structuredClone(npsDefinition) as unknown as Loose;
const title = (q: Record<string, unknown> | undefined) => q?.title as Record<string, string>;

describe('survey definition validation', () => {
  it('accepts the fixture', () => {
    expect(definitionProblems(npsDefinition)).toEqual([]);
  });

  it('names the path of a schema error', () => {
    const def = clone();
    (def.questions[0] as Record<string, unknown>).type = 'stars';
    const problems = definitionProblems(def);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.path.startsWith('definition/questions/0'))).toBe(true);
  });

  it('rejects backward or unknown jumps, duplicate ids, missing default texts and bad thank-you rules', () => {
    const def = clone();
    (def.questions[1] as Record<string, unknown>).logic = [
      // biome-ignore lint/suspicious/noThenProperty: `then` is the survey logic wire format (if … then goTo) shared with the SDK.
      { if: { questionId: 'nps', op: 'lt', value: 3 }, then: { goTo: 'nps' } },
    ];
    (def.questions[2] as Record<string, unknown>).id = 'why';
    delete title(def.questions[1]).en;
    (def.thankYou[0] as { when: { questionId: string } }).when.questionId = 'why';
    const paths = definitionProblems(def).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'definition/questions/1/logic/0/then/goTo',
        'definition/questions/2/id',
        'definition/questions/1/title',
        'definition/thankYou/0/when/questionId',
      ]),
    );
  });

  it('rejects operators that do not fit the question type', () => {
    const def = clone();
    (def.questions[1] as Record<string, unknown>).logic = [
      // biome-ignore lint/suspicious/noThenProperty: `then` is the survey logic wire format (if … then goTo) shared with the SDK.
      { if: { questionId: 'why', op: 'gt', value: 3 }, then: { goTo: 'end' } },
    ];
    expect(definitionProblems(def).map((p) => p.path)).toEqual(['definition/questions/1/logic/0/if/op']);
  });

  it('throws CAIRN_SURVEY_INVALID with every problem in details', () => {
    const def = clone();
    (def.questions[0] as Record<string, unknown>).id = 'why';
    try {
      parseDefinition(def);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CairnError);
      expect((error as CairnError).code).toBe('CAIRN_SURVEY_INVALID');
      expect((error as CairnError).message).toContain('definition/questions/1/id');
    }
  });
});
