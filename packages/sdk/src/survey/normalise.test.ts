import { describe, expect, it } from 'vitest';
import { presentation } from './normalise.js';
import { triggerMoment } from './trigger-arm.js';
import type { EligibleSurvey } from './types.js';

const survey = (display: EligibleSurvey['display'], definition: Partial<EligibleSurvey['definition']> = {}) =>
  ({
    id: 's',
    version: 1,
    trigger: {},
    display,
    definition: { questions: [], ...definition },
  }) as EligibleSurvey;

describe('reading either spelling of the survey contract', () => {
  it('display: mode wins; else modal; else centred (or unplaced) means modal', () => {
    expect(presentation(survey({ mode: 'slide_in', modal: true })).modal).toBe(false);
    expect(presentation(survey({ mode: 'modal', position: 'bottom_left' }))).toMatchObject({
      modal: true,
      left: true,
    });
    expect(presentation(survey({ modal: false, position: 'center' })).modal).toBe(false);
    expect(presentation(survey({ position: 'bottom-left' }))).toMatchObject({ modal: false, left: true });
    expect(presentation(survey({ position: 'center' })).modal).toBe(true);
    expect(presentation(survey({})).modal).toBe(true);
  });

  it('locale: `locale`, else the server’s `language`', () => {
    expect(presentation(survey({}, { language: 'de' })).locale).toBe('de');
    expect(presentation(survey({}, { locale: 'en', language: 'de' })).locale).toBe('en');
  });

  it('trigger moment: `on`, else exitIntent, else scrollDepthPercent, else the page view or event itself', () => {
    expect(triggerMoment({ on: 'scroll', exitIntent: true })).toBe('scroll');
    expect(triggerMoment({ events: ['Order Delivered'], exitIntent: true })).toBe('exit_intent');
    expect(triggerMoment({ scrollDepthPercent: 0 })).toBe('scroll');
    expect(triggerMoment({ events: ['Order Delivered'] })).toBe('pageview');
  });
});
