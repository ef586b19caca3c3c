import { type Channel, isChannel, type SurveyDefinition } from '@cairn/protocol';
import { CairnError } from '../../errors/catalogue.js';
import { isoInstant } from '../../instants.js';
import { missingRequired, type ParsedAnswer, validateAnswers } from './answer-validation.js';
import { surveyLanguages } from './localise.js';

/** One historical response as a staff import sends it (answers keyed by question id). */
export interface ImportedResponseInput {
  externalId: string;
  submittedAt: string;
  startedAt?: string | undefined;
  profile: { userId?: string | undefined; anonymousId?: string | undefined; email?: string | undefined };
  language: string;
  channel: string;
  touchpointId?: string | undefined;
  answers: Record<string, unknown>;
  hiddenFields?: Record<string, string> | undefined;
}

/** An item that passed every check, with its answers parsed into survey_answers columns. */
export interface CheckedImport {
  index: number;
  input: ImportedResponseInput;
  submittedAt: string;
  startedAt: string;
  channel: Channel;
  language: string;
  answers: ParsedAnswer[];
}

/** Clock skew allowed on submittedAt: an answer from the future is a mistake in the source system. */
const futureToleranceMs = 5 * 60_000;

export const itemError = (index: number, field: string, reason: string) =>
  new CairnError('CAIRN_VALIDATION_FAILED', { summary: `body.responses.${index}.${field}: ${reason}` }, [
    { field: `body.responses.${index}.${field}`, message: reason },
  ]);

/** The store keeps instants with four-digit years in UTC (instants.ts). */
const expectedInstant = 'expected an ISO-8601 date-time between 0000-01-01 and 9999-12-31 (UTC)';

/**
 * Checks one imported response with the rules of live responses (validateAnswers: type, range and choice ids
 * against the survey version; missingRequired: every required question on the respondent's path), plus what only
 * an import carries: its own times, an identifier of the respondent, a language the survey speaks. Throws a 400
 * naming the item index and the field; the caller checks every item before storing any.
 */
export function checkImportedResponse(
  definition: SurveyDefinition,
  input: ImportedResponseInput,
  index: number,
  now: Date,
): CheckedImport {
  const submittedAt = isoInstant(input.submittedAt);
  if (!submittedAt) throw itemError(index, 'submittedAt', expectedInstant);
  if (Date.parse(submittedAt) > now.getTime() + futureToleranceMs)
    throw itemError(index, 'submittedAt', 'lies in the future');
  const startedAt = input.startedAt === undefined ? submittedAt : isoInstant(input.startedAt);
  if (!startedAt) throw itemError(index, 'startedAt', expectedInstant);
  if (startedAt > submittedAt) throw itemError(index, 'startedAt', 'is after submittedAt');
  const { userId, anonymousId, email } = input.profile;
  if (!userId && !anonymousId && !email)
    throw itemError(index, 'profile', 'needs one of userId, anonymousId or email');
  if (!isChannel(input.channel)) throw itemError(index, 'channel', `unknown channel ${input.channel}`);
  const language = surveyLanguages(definition).find((l) => l.toLowerCase() === input.language.toLowerCase());
  if (!language) throw itemError(index, 'language', `the survey does not speak ${input.language}`);
  const hidden = Object.keys(input.hiddenFields ?? {}).find(
    (k) => !(definition.hiddenFields ?? []).includes(k),
  );
  if (hidden) throw itemError(index, `hiddenFields.${hidden}`, 'not a hidden field of this survey');
  let answers: ParsedAnswer[];
  try {
    const inputs = Object.entries(input.answers).map(([questionId, value]) => ({ questionId, value }));
    answers = validateAnswers(definition, inputs as Parameters<typeof validateAnswers>[1]);
    const missing = missingRequired(definition, answers);
    if (missing) throw missing;
  } catch (error) {
    if (!(error instanceof CairnError) || error.code !== 'CAIRN_ANSWER_INVALID') throw error;
    throw itemError(index, `answers.${String(error.params.questionId)}`, String(error.params.reason));
  }
  return { index, input, submittedAt, startedAt, channel: input.channel, language, answers };
}

/** Every item checked, and no external id twice in one request (it would be one response, so one is a mistake). */
export function checkImport(
  definition: SurveyDefinition,
  inputs: ImportedResponseInput[],
  now: Date,
): CheckedImport[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    if (seen.has(input.externalId)) throw itemError(index, 'externalId', 'appears twice in this request');
    seen.add(input.externalId);
    return checkImportedResponse(definition, input, index, now);
  });
}
