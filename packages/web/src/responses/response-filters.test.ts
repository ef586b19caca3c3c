import { describe, expect, it } from 'vitest';
import {
  parseResponseFilters,
  questionTitle,
  responseApiQuery,
  scoreOf,
  textAnswersOf,
  withResponseFilters,
} from './response-filters';
import type { SurveyResponse } from './responses-api';

const surveyId = '01900000-0000-7000-8000-000000000001';

describe('response filters in the URL', () => {
  it('round-trips and keeps the global filters beside them', () => {
    const search = withResponseFilters('?from=2026-03-01&channel=web', {
      survey: surveyId,
      minScore: 0,
      maxScore: 6,
      text: 'Lieferung & Preis',
    });
    expect(search).toBe(`from=2026-03-01&channel=web&survey=${surveyId}&min=0&max=6&q=Lieferung+%26+Preis`);
    expect(parseResponseFilters(search)).toEqual({
      survey: surveyId,
      minScore: 0,
      maxScore: 6,
      text: 'Lieferung & Preis',
    });
  });

  it('drops hand-edited values that cannot be right', () => {
    expect(parseResponseFilters('?survey=../../admin&min=-1&max=1e9&q=&response=x')).toEqual({});
    expect(parseResponseFilters(`?q=${'a'.repeat(201)}`)).toEqual({});
  });

  it('keeps the open response and its survey when every survey is listed', () => {
    const responseId = '01900000-0000-7000-8000-0000000000aa';
    const search = withResponseFilters('', { response: responseId, responseSurvey: surveyId });
    expect(search).toBe(`response=${responseId}&responseSurvey=${surveyId}`);
    expect(parseResponseFilters(search)).toEqual({ response: responseId, responseSurvey: surveyId });
    // A survey without an open response means nothing: it is dropped both ways.
    expect(withResponseFilters('', { responseSurvey: surveyId })).toBe('');
    expect(parseResponseFilters(`?responseSurvey=${surveyId}`)).toEqual({});
  });

  it('clears a filter that is no longer set', () => {
    expect(withResponseFilters('?survey=x&min=3&q=a&channel=app', { survey: surveyId })).toBe(
      `channel=app&survey=${surveyId}`,
    );
  });
});

describe('the API query', () => {
  it('turns whole days in the workspace time zone into an instant range, `to` inclusive', () => {
    const query = responseApiQuery(
      { minScore: 0, maxScore: 6, text: 'slow' },
      { from: '2026-03-29', to: '2026-03-29', channel: 'email', touchpoint: 'tp-1', segment: 'gold' },
      'Europe/Berlin',
      '2026-04-10',
    );
    // 29 March 2026 is the spring DST change in Berlin: the day starts at +01:00 and ends at +02:00.
    expect(Object.fromEntries(query)).toEqual({
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
      minScore: '0',
      maxScore: '6',
      channel: 'email',
      touchpointId: 'tp-1',
      segment: 'gold',
      q: 'slow',
    });
  });

  it('asks for the last 30 days up to now when no dates are set, like the filter bar says', () => {
    expect(Object.fromEntries(responseApiQuery({}, {}, 'Europe/Berlin', '2026-04-10'))).toEqual({
      from: '2026-03-11T23:00:00.000Z',
    });
  });
});

describe('reading a response', () => {
  const answer = (
    questionId: string,
    questionType: string,
    numberValue: number | null,
    textValue: string | null,
  ) => ({
    questionId,
    questionType,
    numberValue,
    textValue,
    jsonValue: null,
    answeredAt: '2026-03-01T10:00:00Z',
  });
  const response = {
    answers: [
      answer('topic', 'single_choice', null, null),
      answer('nps', 'nps', 3, null),
      answer('why', 'text', null, '<b>late</b>'),
      answer('empty', 'text', null, ''),
    ],
  } as SurveyResponse;

  it("names a question in the reader's language, else the default, else by id", () => {
    const survey = {
      id: 's',
      name: 'NPS',
      effectiveStatus: 'live',
      responseCount: 0,
      definition: { defaultLanguage: 'de', questions: [{ id: 'why', title: { de: 'Warum?', en: 'Why?' } }] },
    };
    expect(questionTitle(survey, 'why', 'en-GB')).toBe('Why?');
    expect(questionTitle(survey, 'why', 'fr')).toBe('Warum?');
    expect(questionTitle(survey, 'gone', 'en')).toBe('gone');
  });

  it('takes the first scale answer as the score and only non-empty text answers', () => {
    expect(scoreOf(response)?.numberValue).toBe(3);
    expect(textAnswersOf(response)).toEqual(['<b>late</b>']);
    expect(scoreOf({ answers: [] } as unknown as SurveyResponse)).toBeUndefined();
  });
});
