import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import { confirmUnsubscribePage, unsubscribeByLink } from '../../domains/surveys/distribution.js';
import { messagePage } from '../../domains/surveys/hosted-page.js';
import {
  answerHostedSurvey,
  type HostedPage,
  showHostedSurvey,
} from '../../domains/surveys/hosted-survey.js';
import type { Distribution } from '../../domains/surveys/invitations.js';
import { acceptedLanguages } from '../../domains/surveys/localise.js';
import { CairnError } from '../../errors/catalogue.js';
import { Uuid } from '../schemas.js';

const html = Type.String({ description: 'text/html page' });
const config = { access: { kind: 'public' as const } };

/** Form fields as lists (checkboxes repeat their name), from an application/x-www-form-urlencoded body. */
function formFields(body: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(body)) fields.set(key, [...(fields.get(key) ?? []), value]);
  return fields;
}

/** Errors become a readable page with the error's status (a tampered link: 400), never a JSON body or a crash. */
async function page(reply: FastifyReply, lang: string, work: () => Promise<HostedPage>) {
  let result: HostedPage;
  try {
    result = await work();
  } catch (error) {
    if (!(error instanceof CairnError)) throw error;
    const title = lang.startsWith('de') ? 'Das hat nicht geklappt' : 'This did not work';
    result = { status: error.status, html: messagePage(lang, title, error.message) };
  }
  reply
    .code(result.status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store');
  return result.html;
}

/** The hosted link survey and the unsubscribe link of survey e-mails (public: whoever holds the link). */
export async function surveyLinkRoutes(app: FastifyInstance, distribution: Distribution): Promise<void> {
  const { services, secret } = distribution;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    (_request, body, done) => done(null, body),
  );
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const language = (header: string | undefined) => acceptedLanguages(header)[0] ?? 'en';

  const tokenQuery = Type.Object({ t: Type.String({ minLength: 1, maxLength: 2000 }) });
  r.get(
    '/s/unsubscribe',
    {
      config,
      schema: {
        tags: ['surveys'],
        summary: 'Unsubscribe page of survey e-mails (link in every invitation).',
        description:
          'Checks the signed token and answers an HTML page that asks for confirmation; a GET changes nothing, ' +
          'because mail scanners and link previews open links too (RFC 8058). The page POSTs the token to ' +
          '/s/unsubscribe. A tampered or expired token gives a 400 page.',
        querystring: tokenQuery,
        response: { 200: html, 400: html },
      },
    },
    (request, reply) => {
      const lang = language(request.headers['accept-language']);
      return page(reply, lang, async () => confirmUnsubscribePage(distribution, request.query.t, lang));
    },
  );

  r.post(
    '/s/unsubscribe',
    {
      config,
      schema: {
        tags: ['surveys'],
        summary: 'Unsubscribe from survey e-mails.',
        description:
          'The signed token (form field `t` from the confirmation page, or `?t=` in the address for one-click ' +
          'unsubscribe by mail clients per RFC 8058, whose body is "List-Unsubscribe=One-Click") names the profile; ' +
          'the unsubscribe is stored for it and honoured by every later invitation and reminder. Answers an HTML ' +
          'confirmation; a missing, tampered or expired token gives a 400 page.',
        querystring: Type.Partial(tokenQuery),
        response: { 200: html, 400: html },
      },
    },
    (request, reply) => {
      const lang = language(request.headers['accept-language']);
      const body = typeof request.body === 'string' ? request.body : '';
      const token = formFields(body).get('t')?.[0] ?? request.query.t ?? '';
      return page(reply, lang, () => unsubscribeByLink(distribution, token, lang));
    },
  );

  r.get(
    '/s/:surveyId',
    {
      config,
      schema: {
        tags: ['surveys'],
        summary: 'The hosted survey page (link survey).',
        description:
          'Server-rendered, accessible HTML form with every question (works without JavaScript). Language: ?lang=, ' +
          "then the profile's locale trait (personal links), then Accept-Language, then the survey default. " +
          '?t= is a signed personal link token (made by e-mail invitations): the response is tied to that profile ' +
          'and earlier answers given through the same link are prefilled. Query parameters named like a hidden ' +
          'field of the survey are stored with the response. Tampered or expired tokens: 400 page.',
        params: Type.Object({ surveyId: Uuid }),
        querystring: Type.Record(Type.String(), Type.String({ maxLength: 2000 })),
        response: { 200: html, 400: html, 404: html, 409: html },
      },
    },
    (request, reply) => {
      const { t, lang, ...rest } = request.query;
      return page(reply, lang ?? language(request.headers['accept-language']), () =>
        showHostedSurvey(services, secret, {
          surveyId: request.params.surveyId,
          token: t,
          lang,
          acceptLanguages: acceptedLanguages(request.headers['accept-language']),
          query: rest,
        }),
      );
    },
  );

  r.post(
    '/s/:surveyId',
    {
      config,
      schema: {
        tags: ['surveys'],
        summary: 'Submit the hosted survey form.',
        description:
          'application/x-www-form-urlencoded from the hosted page. Stored like an SDK response (channel email for ' +
          'personal links, else web; the same link or form key updates the same response). Only questions on the ' +
          "respondent's path are required. Shows the thank-you screen for the score range, or the form again with " +
          'the reason (400).',
        params: Type.Object({ surveyId: Uuid }),
        body: Type.String({ maxLength: 256 * 1024 }),
        response: { 200: html, 400: html, 404: html, 409: html },
      },
    },
    (request, reply) => {
      const form = formFields(request.body);
      return page(reply, form.get('lang')?.[0] ?? 'en', () =>
        answerHostedSurvey(services, secret, {
          surveyId: request.params.surveyId,
          form,
          userAgent: request.headers['user-agent'] ?? null,
        }),
      );
    },
  );
}
