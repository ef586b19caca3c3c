import type { EligibleSurvey } from './types.js';

/** What the core hands the lazily loaded widget. */
export interface ShowSurveyOptions {
  survey: EligibleSurvey;
  host: string;
  writeKey: string;
  /** Read at send time, so an `identify` during the survey is reflected in later answers. */
  identity(): { anonymousId: string; userId?: string };
  locale: string;
  onClose?(): void;
}

/** The `cairn-survey.min.js` extra's surface, as the core sees it. */
export interface SurveyExtra {
  showSurvey(options: ShowSurveyOptions): void;
}
