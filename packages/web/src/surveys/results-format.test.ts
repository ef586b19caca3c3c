import { describe, expect, it } from 'vitest';
import { questionBars, surveyMetrics } from './results-format';
import type { SurveyDefinition } from './survey-types';

const definition: SurveyDefinition = {
  defaultLanguage: 'en',
  questions: [
    { id: 'nps', type: 'nps', title: { en: 'Recommend?', de: 'Empfehlen?' } },
    { id: 'why', type: 'text', title: { en: 'Why?' } },
    {
      id: 'topic',
      type: 'single_choice',
      title: { en: 'Topic?', de: 'Thema?' },
      choices: [
        { id: 'delivery', label: { en: 'Delivery', de: 'Lieferung' } },
        { id: 'price', label: { en: 'Price' } },
      ],
    },
    { id: 'ok', type: 'consent', title: { en: 'Contact?' }, label: { en: 'Yes' } },
  ],
};

describe('results per question', () => {
  it('joins engine counts to labels in definition order, zero for unchosen options', () => {
    const bars = questionBars(
      definition,
      {
        kind: 'answer_distribution',
        surveyId: 's',
        questions: [
          {
            questionId: 'topic',
            questionType: 'single_choice',
            answered: 3,
            options: [
              { value: 'old-choice', answers: 1, share: 1 / 3 },
              { value: 'price', answers: 2, share: 2 / 3 },
            ],
          },
        ],
      },
      'de',
      { yes: 'Ja', no: 'Nein' },
    );
    expect(bars.map((b) => b.question.id)).toEqual(['nps', 'topic', 'ok']);
    const topic = bars[1];
    expect(topic?.title).toBe('Thema?');
    expect(topic?.number).toBe(3);
    expect(topic?.options).toEqual([
      { value: 'delivery', label: 'Lieferung', answers: 0, share: 0 },
      { value: 'price', label: 'Price', answers: 2, share: 2 / 3 },
      { value: 'old-choice', label: 'old-choice', answers: 1, share: 1 / 3 },
    ]);
    expect(bars[0]?.options).toHaveLength(11);
    expect(bars[2]?.options.map((o) => o.label)).toEqual(['Ja', 'Nein']);
  });

  it('asks the engine only for the metrics of questions the survey has', () => {
    expect(surveyMetrics(definition)).toEqual(['nps']);
  });
});
