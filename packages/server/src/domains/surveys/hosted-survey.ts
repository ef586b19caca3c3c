import { randomUUID } from 'node:crypto';
import type { AnswerInput, SurveyDefinition } from '@cairn/protocol';
import { CairnError } from '../../errors/catalogue.js';
import { surveyFormPage, thankYouPage } from './hosted-page.js';
import { type LinkPayload, verifyLink } from './link-token.js';
import { pickLanguage } from './localise.js';
import { stableUuid } from './respondent.js';
import { submitResponse } from './submit-response.js';
import type { SurveyServices } from './survey-services.js';

export interface HostedPage {
  status: number;
  html: string;
}

interface Respondent {
  workspaceId: string;
  link: LinkPayload | null;
  definition: SurveyDefinition;
  version: number;
}

/** The live survey behind a public link; a token must be genuine, unexpired and made for this very survey. */
async function respondentOf(
  services: SurveyServices,
  secret: string,
  surveyId: string,
  token: string | undefined,
): Promise<Respondent> {
  const link = token ? verifyLink(secret, token, 'survey', services.now()) : null;
  if (link && link.s !== surveyId) throw new CairnError('CAIRN_SURVEY_LINK_INVALID');
  const workspaceId = link?.w ?? (await services.store.surveys.distribution.workspaceOfSurvey(surveyId));
  if (!workspaceId) throw new CairnError('CAIRN_NOT_FOUND', { resource: 'Survey', id: surveyId });
  const cached = await services.catalog.liveSurvey(workspaceId, surveyId);
  if (!cached) throw new CairnError('CAIRN_SURVEY_NOT_OPEN', { surveyId, status: 'not live' });
  return { workspaceId, link, definition: cached.definition, version: cached.survey.currentVersion };
}

/** One response per personal link (reminders carry new tokens for the same profile, so the key leaves out `exp`). */
const linkClientKey = (link: LinkPayload) => `link:${stableUuid(link.w, link.s, link.p)}`;

async function earlierAnswers(services: SurveyServices, workspaceId: string, surveyId: string, key: string) {
  const responseId = stableUuid(workspaceId, surveyId, key);
  const answers = await services.store.surveys.responses.answers(workspaceId, [responseId]);
  return new Map(answers.map((a) => [a.questionId, a.numberValue ?? a.textValue ?? a.jsonValue]));
}

async function profileLocale(services: SurveyServices, workspaceId: string, profileId: string) {
  const traits = await services.store.profiles.currentTraits(workspaceId, [profileId]);
  const locale = traits.locale?.value;
  return typeof locale === 'string' ? locale : null;
}

export interface ShowRequest {
  surveyId: string;
  token?: string | undefined;
  lang?: string | undefined;
  acceptLanguages: string[];
  /** Query parameters; those named like a hidden field of the survey are carried into the response. */
  query: Record<string, string>;
}

/** The form: language from ?lang, then the profile's locale (personal links), then the browser, then the default. */
export async function showHostedSurvey(
  services: SurveyServices,
  secret: string,
  request: ShowRequest,
): Promise<HostedPage> {
  const r = await respondentOf(services, secret, request.surveyId, request.token);
  const locale = r.link ? await profileLocale(services, r.workspaceId, r.link.p) : null;
  const language = pickLanguage(r.definition, [request.lang, locale, ...request.acceptLanguages]);
  const clientKey = r.link ? linkClientKey(r.link) : `web:${randomUUID()}`;
  const values = r.link
    ? await earlierAnswers(services, r.workspaceId, request.surveyId, clientKey)
    : new Map<string, unknown>();
  const hiddenFields = Object.fromEntries(
    (r.definition.hiddenFields ?? [])
      .filter((name) => typeof request.query[name] === 'string')
      .map((name) => [name, String(request.query[name]).slice(0, 500)]),
  );
  const html = surveyFormPage({
    surveyId: request.surveyId,
    definition: r.definition,
    language,
    token: request.token ?? null,
    clientKey,
    hiddenFields,
    values,
    error: null,
  });
  return { status: 200, html };
}

/** Answers from the form fields: `q:<id>` (repeated for multiple choice), `q:<id>:<row>` for matrix rows. */
export function answersFromForm(def: SurveyDefinition, form: Map<string, string[]>): AnswerInput[] {
  const answers: AnswerInput[] = [];
  for (const q of def.questions) {
    const values = (form.get(`q:${q.id}`) ?? []).filter((v) => v.trim() !== '');
    if (q.type === 'matrix') {
      const rows = Object.fromEntries(
        q.rows.map((row) => [row.id, form.get(`q:${q.id}:${row.id}`)?.[0] ?? '']).filter(([, v]) => v),
      );
      if (Object.keys(rows).length) answers.push({ questionId: q.id, value: rows });
      continue;
    }
    if (q.type === 'consent') {
      if (values.length) answers.push({ questionId: q.id, value: true });
      continue;
    }
    if (q.type === 'multiple_choice') {
      if (values.length) answers.push({ questionId: q.id, value: values });
      continue;
    }
    const first = values[0];
    if (first === undefined) continue;
    const numeric = ['nps', 'csat', 'ces', 'rating'].includes(q.type);
    answers.push({ questionId: q.id, value: numeric ? Number(first) : first });
  }
  return answers;
}

export interface AnswerRequest {
  surveyId: string;
  form: Map<string, string[]>;
  userAgent: string | null;
}

/**
 * Stores the form through the same domain function as the SDK endpoint (channel email for personal links, else
 * web), then shows the thank-you screen; answers that do not fit show the form again with the reason (400).
 */
export async function answerHostedSurvey(
  services: SurveyServices,
  secret: string,
  request: AnswerRequest,
): Promise<HostedPage> {
  const field = (name: string) => request.form.get(name)?.[0];
  const token = field('t');
  const r = await respondentOf(services, secret, request.surveyId, token);
  const language = pickLanguage(r.definition, [field('lang')]);
  const clientKey = r.link ? linkClientKey(r.link) : (field('k') ?? '');
  if (!/^web:[0-9a-f-]{36}$/.test(clientKey) && !r.link)
    throw new CairnError('CAIRN_VALIDATION_FAILED', { summary: 'body.k: missing or malformed' });
  const answers = answersFromForm(r.definition, request.form);
  const hiddenFields: Record<string, string> = {};
  for (const name of r.definition.hiddenFields ?? []) {
    const value = field(`h:${name}`);
    if (value !== undefined) hiddenFields[name] = value.slice(0, 500);
  }
  try {
    await submitResponse(
      services,
      r.workspaceId,
      request.surveyId,
      {
        clientKey,
        locale: language,
        channel: r.link ? 'email' : 'web',
        version: r.version,
        answers,
        completed: true,
        hiddenFields,
      },
      { userAgent: request.userAgent, profileId: r.link?.p },
    );
  } catch (error) {
    if (!(error instanceof CairnError) || error.status !== 400) throw error;
    const values = new Map<string, unknown>(answers.map((a) => [a.questionId, a.value]));
    const html = surveyFormPage({
      surveyId: request.surveyId,
      definition: r.definition,
      language,
      token: token ?? null,
      clientKey,
      hiddenFields,
      values,
      error: error.message,
    });
    return { status: 400, html };
  }
  const scores = new Map(
    answers.filter((a) => typeof a.value === 'number').map((a) => [a.questionId, a.value as number]),
  );
  return { status: 200, html: thankYouPage(r.definition, language, scores) };
}
