/**
 * Wire types of surveys, mirroring @cairn/protocol's SurveyDefinition and SurveySettings (the server validates; these
 * only describe what the dashboard reads and writes). Every text is a map language → string.
 */
export type LocalizedText = Record<string, string>;

export const questionTypes = [
  'nps',
  'csat',
  'ces',
  'rating',
  'single_choice',
  'multiple_choice',
  'text',
  'matrix',
  'consent',
] as const;
export type QuestionType = (typeof questionTypes)[number];
/** Answers that are a number on a scale; the only ones logic comparisons and thank-you ranges apply to. */
export const scoreTypes: readonly QuestionType[] = ['nps', 'csat', 'ces', 'rating'];
/** Answers the answer_distribution query counts per option. */
export const countedTypes: readonly QuestionType[] = [
  'nps',
  'csat',
  'ces',
  'rating',
  'single_choice',
  'multiple_choice',
  'consent',
];

export const logicOps = ['lt', 'lte', 'gt', 'gte', 'eq', 'includes'] as const;
export type LogicOp = (typeof logicOps)[number];

export interface LogicRule {
  if: { questionId: string; op: LogicOp; value: number | string | boolean };
  then: { goTo: string };
}

export interface Choice {
  id: string;
  label: LocalizedText;
}

/** One question; type-specific fields are optional here and checked by the server per type. */
export interface Question {
  id: string;
  type: QuestionType;
  title: LocalizedText;
  description?: LocalizedText;
  required?: boolean;
  logic?: LogicRule[];
  lowLabel?: LocalizedText;
  highLabel?: LocalizedText;
  style?: 'stars' | 'smileys';
  min?: number;
  max?: number;
  choices?: Choice[];
  maxSelections?: number;
  multiline?: boolean;
  maxLength?: number;
  rows?: Choice[];
  columns?: Choice[];
  label?: LocalizedText;
}

export interface Screen {
  title: LocalizedText;
  body?: LocalizedText;
  buttonLabel?: LocalizedText;
}

export interface ThankYouRule {
  when: { questionId: string; min: number; max: number };
  title: LocalizedText;
  body?: LocalizedText;
}

export interface SurveyDefinition {
  defaultLanguage: string;
  welcome?: Screen;
  questions: Question[];
  end?: Screen;
  thankYou?: ThankYouRule[];
  hiddenFields?: string[];
}

export interface FatigueBudget {
  globalCooldownDays: number;
  surveyCooldownDays: number;
  maxContactsPerPeriod: number;
  periodDays: number;
}

export interface SurveySettings {
  trigger?: {
    events?: string[];
    urlPattern?: string;
    delayMs?: number;
    scrollDepthPercent?: number;
    exitIntent?: boolean;
    /** Touchpoint ids: offered where the registry maps the visitor's event or page to one of them. */
    touchpoints?: string[];
  };
  targeting?: { traits?: Record<string, string>; samplePercent?: number; segments?: string[] };
  /** The touchpoint the survey measures: link and e-mail answers are recorded at it. */
  touchpointId?: string;
  display?: { position?: 'bottom-right' | 'bottom-left' | 'center'; modal?: boolean };
  emailTrigger?: { event: string; delayHours: number; reminderAfterDays?: number };
  closeAt?: string;
  responseQuota?: number;
  fatigue?: Partial<FatigueBudget>;
}

export const surveyStatuses = ['draft', 'live', 'paused', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export interface Survey {
  id: string;
  workspaceId: string;
  name: string;
  status: SurveyStatus;
  /** closed once the close date passed or the quota is reached, whatever `status` says. */
  effectiveStatus: SurveyStatus;
  currentVersion: number;
  settings: SurveySettings;
  definition: SurveyDefinition;
  responseCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyInput {
  name: string;
  definition: SurveyDefinition;
  settings: SurveySettings;
}

/** The portable form of GET …/export and POST …/import. */
export interface SurveyExport extends SurveyInput {
  format: 'cairn-survey/1';
}

export interface InvitationCounts {
  sent: number;
  skipped: { noEmail: number; unsubscribed: number; fatigue: number };
}

export interface InvitationInput {
  profileIds?: string[];
  trait?: { name: string; value: string };
  reminderAfterDays?: number;
}
