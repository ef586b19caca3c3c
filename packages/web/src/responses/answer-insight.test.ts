import { describe, expect, it } from 'vitest';
import {
  isKnownSentiment,
  surveyOf,
  textAnswersWithInsight,
  topicName,
  topicsByMentions,
} from './answer-insight';
import type { AnswerInsight, ResponseAnswer, SurveyResponse, SurveySummary } from './responses-api';

const taxonomy = [
  { id: 'delivery', name: { de: 'Lieferung', en: 'Delivery' } },
  { id: 'price', name: { de: 'Preis', en: 'Price' } },
];
const insight: AnswerInsight = {
  language: 'en',
  sentiment: { label: 'negative', score: -0.6 },
  topics: [
    { id: 'price', sentiment: { label: 'neutral', score: 0 }, mentions: 1 },
    { id: 'delivery', sentiment: { label: 'negative', score: -0.7 }, mentions: 2 },
    { id: 'app-website', sentiment: { label: 'neutral', score: 0 }, mentions: 1 },
  ],
};
const answer = (patch: Partial<ResponseAnswer>): ResponseAnswer => ({
  questionId: 'why',
  questionType: 'text',
  numberValue: null,
  textValue: null,
  jsonValue: null,
  answeredAt: '2026-01-01T00:00:00Z',
  ...patch,
});
const response = (answers: ResponseAnswer[]): SurveyResponse => ({
  id: 'r1',
  surveyId: 's1',
  profileId: null,
  channel: 'web',
  touchpointId: null,
  journeyStage: null,
  locale: 'en',
  device: null,
  status: 'completed',
  startedAt: '2026-01-01T00:00:00Z',
  completedAt: null,
  journeyContext: {},
  answers,
});

describe('topic names', () => {
  it('uses the reader language, English for other languages, the id for unknown topics', () => {
    expect(topicName(taxonomy, 'delivery', 'de-DE')).toBe('Lieferung');
    expect(topicName(taxonomy, 'delivery', 'en')).toBe('Delivery');
    expect(topicName(taxonomy, 'delivery', 'fr')).toBe('Delivery');
    expect(topicName(taxonomy, 'gone', 'de')).toBe('gone');
    expect(topicName(undefined, 'delivery', 'de')).toBe('delivery');
  });

  it('orders topics by mentions, then id, without changing the answer', () => {
    expect(topicsByMentions(insight).map((t) => t.id)).toEqual(['delivery', 'app-website', 'price']);
    expect(insight.topics[0]?.id).toBe('price');
    expect(topicsByMentions(undefined)).toEqual([]);
  });
});

describe('text answers with insight', () => {
  it('keeps open text only, with its insight when the server sent one', () => {
    const texts = textAnswersWithInsight(
      response([
        answer({ questionId: 'nps', questionType: 'nps', numberValue: 3 }),
        answer({ textValue: 'Late again', insight }),
        answer({ questionId: 'other', textValue: '' }),
        answer({ questionId: 'more', textValue: '<b>x</b>' }),
      ]),
    );
    expect(texts).toEqual([
      { questionId: 'why', text: 'Late again', insight },
      { questionId: 'more', text: '<b>x</b>', insight: undefined },
    ]);
  });

  it('knows the sentiment labels it has words for', () => {
    expect(['positive', 'negative', 'neutral', 'mixed'].every(isKnownSentiment)).toBe(true);
    expect(isKnownSentiment('ecstatic')).toBe(false);
  });
});

describe('survey of a response', () => {
  const surveys: SurveySummary[] = [
    { id: 's1', name: 'NPS', effectiveStatus: 'live', responseCount: 1 },
    { id: 's2', name: 'CSAT', effectiveStatus: 'live', responseCount: 1 },
  ];
  it('finds it by id, nothing without an id or list', () => {
    expect(surveyOf(surveys, 's2')?.name).toBe('CSAT');
    expect(surveyOf(surveys, 'nope')).toBeUndefined();
    expect(surveyOf(surveys, undefined)).toBeUndefined();
    expect(surveyOf(undefined, 's1')).toBeUndefined();
  });
});
