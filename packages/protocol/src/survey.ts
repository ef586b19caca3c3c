import Type, { type Static } from 'typebox';

/**
 * Survey definitions as they travel between the API, the server and the SDK's widget. Every text is a map of
 * language → string (`{ de, en, … }`); `defaultLanguage` is the fallback when the respondent's language is missing.
 * Semantic rules the schema cannot express (unique ids, logic targets, ranges) are checked by the server.
 */

const LanguageCode = Type.String({
  pattern: '^[a-z]{2}(-[A-Z]{2})?$',
  description: 'BCP 47, e.g. de or de-AT',
});
export const LocalizedText = Type.Record(
  Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' }),
  Type.String({ maxLength: 5000 }),
  {
    minProperties: 1,
    description: 'One text per language, e.g. { "de": "Danke!", "en": "Thank you!" }.',
  },
);
const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const Choice = Type.Object({ id: Id, label: LocalizedText }, { additionalProperties: false });

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
/** Questions whose answer is a number on a scale (the score the analytics engine reads). */
export const scoreQuestionTypes: readonly QuestionType[] = ['nps', 'csat', 'ces', 'rating'];

export const logicOps = ['lt', 'lte', 'gt', 'gte', 'eq', 'includes'] as const;
export const LogicRule = Type.Object(
  {
    if: Type.Object(
      {
        questionId: Id,
        op: Type.Union([
          Type.Literal('lt'),
          Type.Literal('lte'),
          Type.Literal('gt'),
          Type.Literal('gte'),
          Type.Literal('eq'),
          Type.Literal('includes'),
        ]),
        value: Type.Union([Type.Number(), Type.String({ maxLength: 200 }), Type.Boolean()]),
      },
      { additionalProperties: false },
    ),
    // biome-ignore lint/suspicious/noThenProperty: `then` is the survey logic wire format (if … then goTo) shared with the SDK.
    then: Type.Object({ goTo: Id }, { additionalProperties: false, description: "A question id or 'end'." }),
  },
  { additionalProperties: false },
);

const base = {
  id: Id,
  title: LocalizedText,
  description: Type.Optional(LocalizedText),
  required: Type.Optional(Type.Boolean({ default: true })),
  logic: Type.Optional(Type.Array(LogicRule, { maxItems: 20 })),
};
const q = <T extends string, P extends Record<string, Type.TSchema>>(type: T, extra: P) =>
  Type.Object({ type: Type.Literal(type), ...base, ...extra }, { additionalProperties: false });
const scaleLabels = { lowLabel: Type.Optional(LocalizedText), highLabel: Type.Optional(LocalizedText) };

export const Question = Type.Union([
  q('nps', scaleLabels),
  q('csat', { style: Type.Union([Type.Literal('stars'), Type.Literal('smileys')]), ...scaleLabels }),
  q('ces', scaleLabels),
  q('rating', {
    min: Type.Integer({ minimum: 0, maximum: 10 }),
    max: Type.Integer({ minimum: 1, maximum: 10 }),
    ...scaleLabels,
  }),
  q('single_choice', { choices: Type.Array(Choice, { minItems: 2, maxItems: 50 }) }),
  q('multiple_choice', {
    choices: Type.Array(Choice, { minItems: 2, maxItems: 50 }),
    maxSelections: Type.Optional(Type.Integer({ minimum: 1 })),
  }),
  q('text', {
    multiline: Type.Optional(Type.Boolean()),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  }),
  q('matrix', {
    rows: Type.Array(Choice, { minItems: 1, maxItems: 30 }),
    columns: Type.Array(Choice, { minItems: 2, maxItems: 11 }),
  }),
  q('consent', { label: LocalizedText }),
]);
export type Question = Static<typeof Question>;

const Screen = Type.Object(
  { title: LocalizedText, body: Type.Optional(LocalizedText), buttonLabel: Type.Optional(LocalizedText) },
  { additionalProperties: false },
);

/** A thank-you text for answers in [min, max] of one scale question, e.g. promoters (9–10) get a review link. */
export const ThankYouRule = Type.Object(
  {
    when: Type.Object(
      { questionId: Id, min: Type.Number(), max: Type.Number() },
      { additionalProperties: false },
    ),
    title: LocalizedText,
    body: Type.Optional(LocalizedText),
    link: Type.Optional(
      Type.Object(
        { url: Type.String({ pattern: '^https?://', maxLength: 2000 }), label: LocalizedText },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SurveyDefinition = Type.Object(
  {
    defaultLanguage: LanguageCode,
    welcome: Type.Optional(Screen),
    questions: Type.Array(Question, { minItems: 1, maxItems: 100 }),
    end: Type.Optional(Screen),
    thankYou: Type.Optional(Type.Array(ThankYouRule, { maxItems: 20 })),
    /** Values the distribution fills in (e.g. order id from the link or the SDK), stored with the response. */
    hiddenFields: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type SurveyDefinition = Static<typeof SurveyDefinition>;

/** Where and to whom a survey is offered. */
export const SurveySettings = Type.Object(
  {
    trigger: Type.Optional(
      Type.Object(
        {
          events: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { maxItems: 20 })),
          /** Glob on the full page URL: `*` matches any run of characters. */
          urlPattern: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
          delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
          scrollDepthPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
          exitIntent: Type.Optional(Type.Boolean()),
          /**
           * Touchpoint ids: the survey is offered when the triggering event or page maps to one of them by the
           * touchpoint registry's rules, and the answer is recorded at that touchpoint.
           */
          touchpoints: Type.Optional(
            Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    targeting: Type.Optional(
      Type.Object(
        {
          /** Exact current-trait matches (trait → value as text); all must match. */
          traits: Type.Optional(
            Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 500 })),
          ),
          samplePercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
          /** Segment keys: the profile must belong to at least one of them. */
          segments: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 63 }), { maxItems: 20 })),
        },
        { additionalProperties: false },
      ),
    ),
    display: Type.Optional(
      Type.Object(
        {
          position: Type.Optional(
            Type.Union([Type.Literal('bottom-right'), Type.Literal('bottom-left'), Type.Literal('center')]),
          ),
          modal: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    /** Server-side trigger: invite by e-mail `delayHours` after the profile's event `event` (e.g. Order Delivered). */
    emailTrigger: Type.Optional(
      Type.Object(
        {
          event: Type.String({ minLength: 1, maxLength: 256 }),
          delayHours: Type.Integer({ minimum: 0, maximum: 720 }),
          reminderAfterDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
        },
        { additionalProperties: false },
      ),
    ),
    /**
     * The touchpoint this survey measures (e.g. CSAT after delivery → Delivery): answers that were not given at a
     * touchpoint of their own (links, e-mail) are recorded at it.
     */
    touchpointId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    closeAt: Type.Optional(Type.String({ format: 'date-time' })),
    responseQuota: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Overrides of the workspace fatigue budget for this survey. */
    fatigue: Type.Optional(
      Type.Object(
        {
          globalCooldownDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
          surveyCooldownDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
          maxContactsPerPeriod: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          periodDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SurveySettings = Static<typeof SurveySettings>;

export const surveyStatuses = ['draft', 'live', 'paused', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

/** One answer as the SDK and the link page send it. */
export const AnswerInput = Type.Object(
  {
    questionId: Id,
    value: Type.Union([
      Type.Number(),
      Type.String({ maxLength: 5000 }),
      Type.Boolean(),
      Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
      Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 64 })),
    ]),
    timeSpentMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000 })),
  },
  { additionalProperties: false },
);
export type AnswerInput = Static<typeof AnswerInput>;
