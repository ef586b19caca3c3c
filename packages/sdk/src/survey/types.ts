/**
 * The survey contract between the SDK and `GET /v1/surveys/eligible`, as the SDK reads it. Texts arrive already
 * resolved to one language (plain strings), so the widget needs no i18n library (design guide §4b.6). These are
 * TYPES only: the SDK has no runtime dependency on the server's schema library. Once packages/protocol exports
 * the survey schema, these should become `import type` re-exports from there so the two cannot drift.
 *
 * The server (packages/protocol/src/survey.ts) names a few fields differently from the first draft of this
 * contract; both spellings are read (see normalise.ts for the widget, trigger-arm.ts for triggers), so neither
 * side has to move in lock-step: `language` = `locale`, rating `min`/`max` = `scale`, thank-you `when` = `range`,
 * trigger `events`/`exitIntent`/`scrollDepthPercent` = `on`/`event`/`scrollPercent`, display `modal` and
 * `bottom-right` = `mode` and `bottom_right`.
 */

export interface Choice {
  id: string;
  label: string;
}

/** `if` compares the answer to `questionId` with `value`; the first matching rule of a question wins. */
export interface LogicRule {
  if: {
    questionId: string;
    op: 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'includes';
    value: number | string | boolean;
  };
  then: { goTo: string };
}

interface QuestionBase {
  id: string;
  /** The question as shown (also the accessible name of its control group). */
  title: string;
  description?: string;
  /** Required unless `false` (the server's schema defaults it to true). */
  required?: boolean;
  logic?: LogicRule[];
  /** Words under the ends of a scale, e.g. "Not likely" / "Very likely". */
  lowLabel?: string;
  highLabel?: string;
}

export type Question = QuestionBase &
  (
    | { type: 'nps' }
    | { type: 'csat'; style?: 'stars' | 'smileys' }
    | { type: 'ces' }
    | { type: 'rating'; scale?: number; min?: number; max?: number }
    | { type: 'single_choice'; choices: Choice[] }
    | { type: 'multiple_choice'; choices: Choice[] }
    | { type: 'text'; placeholder?: string }
    | { type: 'matrix'; rows: Choice[]; columns: Choice[] }
    | { type: 'consent'; label?: string }
  );

export type QuestionType = Question['type'];

export interface Screen {
  title: string;
  body?: string;
  /** The screen's own button text (welcome: start, end: close). */
  buttonLabel?: string;
}

export interface ThankYouScreen extends Screen {
  /** Inclusive bounds on the numeric answer to `questionId`, e.g. promoters: `[9, 10]`. */
  range?: [number, number];
  questionId?: string;
  /** The server's spelling of `questionId` + `range`. */
  when?: { questionId: string; min: number; max: number };
  link?: { label: string; url: string };
}

export interface SurveyDefinition {
  /** The language the texts were resolved to (BCP 47); picks the widget's own button labels. */
  locale?: string;
  /** The server's name for `locale`. */
  language?: string;
  welcome?: Screen;
  questions: Question[];
  end?: Screen;
  thankYou?: ThankYouScreen[];
  /** Overrides for the widget's own words (buttons, progress), when the survey author set them. */
  labels?: Partial<Record<'next' | 'submit' | 'start' | 'close' | 'required' | 'survey' | 'thanks', string>>;
}

export interface SurveyTrigger {
  on?: 'event' | 'pageview' | 'exit_intent' | 'scroll';
  event?: string;
  urlPattern?: string;
  delayMs?: number;
  scrollPercent?: number;
  /** Server spelling: any of these events; exit intent / scroll depth as flags. */
  events?: string[];
  exitIntent?: boolean;
  scrollDepthPercent?: number;
}

export interface SurveyDisplay {
  mode?: 'modal' | 'slide_in';
  position?: 'bottom_right' | 'bottom_left' | 'bottom-right' | 'bottom-left' | 'center';
  /** Server spelling of `mode`. */
  modal?: boolean;
}

export interface EligibleSurvey {
  id: string;
  version: number;
  definition: SurveyDefinition;
  trigger: SurveyTrigger;
  display: SurveyDisplay;
  /** The touchpoint the server matched (or the one the survey measures); sent back with the answers. */
  touchpointId?: string | null;
}

/** nps/csat/ces/rating: number; single_choice: choice id; multiple_choice: choice ids; text: string;
 * matrix: row id → column id; consent: boolean. */
export type AnswerValue = number | string | string[] | boolean | Record<string, string>;

export interface Answer {
  questionId: string;
  value: AnswerValue;
  timeSpentMs: number;
}
