import type { SurveyDefinition } from '../types.js';

/** The widget's own words. Survey texts arrive translated; only these few live in the SDK, in German and English. */
export interface UiLabels {
  next: string;
  submit: string;
  start: string;
  close: string;
  required: string;
  survey: string;
  /** The end screen of a survey that has none of its own. */
  thanks: string;
  /** `{n}` and `{total}` are replaced. */
  progress: string;
  /** Accessible name of a scale point shown as a symbol: `{n}` and `{max}` are replaced. */
  scalePoint: string;
}

const english: UiLabels = {
  next: 'Next',
  submit: 'Submit',
  start: 'Start',
  close: 'Close survey',
  required: 'Please answer this question.',
  survey: 'Survey',
  thanks: 'Thank you!',
  progress: 'Question {n} of {total}',
  scalePoint: '{n} of {max}',
};

const german: UiLabels = {
  next: 'Weiter',
  submit: 'Absenden',
  start: 'Starten',
  close: 'Umfrage schließen',
  required: 'Bitte beantworten Sie diese Frage.',
  survey: 'Umfrage',
  thanks: 'Vielen Dank!',
  progress: 'Frage {n} von {total}',
  scalePoint: '{n} von {max}',
};

/** German for `de`, `de-AT`, …; English otherwise; the survey author's overrides win. */
export function uiLabels(locale: string | undefined, definition: SurveyDefinition): UiLabels {
  const base = locale?.toLowerCase().split('-')[0] === 'de' ? german : english;
  const overrides = Object.fromEntries(
    Object.entries(definition.labels ?? {}).filter(([, text]) => typeof text === 'string' && text !== ''),
  );
  return { ...base, ...overrides };
}

export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
