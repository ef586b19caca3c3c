import type { SurveyDefinition } from '@cairn/protocol';
import { uuidv7 } from 'uuidv7';
import { CairnError, notFound } from '../../errors/catalogue.js';
import type { InvitationRecord } from '../../store/survey-port.js';
import { pick } from './hosted-page.js';
import { invitationMail } from './invitation-mail.js';
import { signLink } from './link-token.js';
import { pickLanguage } from './localise.js';
import type { Mailer } from './mailer.js';
import type { SurveyServices } from './survey-services.js';

/** What e-mail distribution needs besides the survey services. */
export interface Distribution {
  services: SurveyServices;
  secret: string;
  mailer: Mailer | null;
  /** CAIRN_PUBLIC_URL; when unset the inviting request's origin is used. */
  publicUrl: string | undefined;
}

export interface InviteRequest {
  profileIds?: string[] | undefined;
  trait?: { name: string; value: string } | undefined;
  reminderAfterDays?: number | undefined;
}

export interface SendCounts {
  sent: number;
  skipped: { noEmail: number; unsubscribed: number; fatigue: number };
}

const day = 86_400_000;
/** Survey links stay valid this long after the (last) mail; unsubscribe links a year. */
const linkDays = 30;
const unsubscribeDays = 365;
const maxInvitees = 10_000;

function links(d: Distribution, baseUrl: string, w: string, s: string, p: string, now: Date) {
  const at = Math.floor(now.getTime() / 1000);
  const survey = signLink(d.secret, { w, s, p, exp: at + linkDays * 86_400, k: 'survey' });
  const unsubscribe = signLink(d.secret, { w, s, p, exp: at + unsubscribeDays * 86_400, k: 'unsubscribe' });
  return {
    surveyUrl: `${baseUrl}/s/${s}?t=${survey}`,
    unsubscribeUrl: `${baseUrl}/s/unsubscribe?t=${unsubscribe}`,
  };
}

async function inviteeIds(d: Distribution, workspaceId: string, request: InviteRequest): Promise<string[]> {
  if (request.profileIds?.length) return [...new Set(request.profileIds)].slice(0, maxInvitees);
  if (!request.trait)
    throw new CairnError('CAIRN_VALIDATION_FAILED', { summary: 'body: send profileIds or trait' });
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await d.services.store.profiles.search({
      workspaceId,
      traits: { [request.trait.name]: request.trait.value },
      limit: 500,
      cursor,
    });
    ids.push(...page.items.map((p) => p.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && ids.length < maxInvitees);
  return ids.slice(0, maxInvitees);
}

async function liveDefinition(d: Distribution, workspaceId: string, surveyId: string) {
  const cached = await d.services.catalog.liveSurvey(workspaceId, surveyId);
  if (cached) return cached;
  const survey = await d.services.store.surveys.definitions.get(workspaceId, surveyId);
  if (!survey) throw notFound('Survey', surveyId);
  throw new CairnError('CAIRN_SURVEY_NOT_OPEN', { surveyId, status: survey.status });
}

const surveyTitle = (def: SurveyDefinition, lang: string) =>
  pick(def.welcome?.title ?? def.questions[0]?.title, lang, def.defaultLanguage);

/**
 * Mails a personalised link to every profile with an e-mail identity, in its language (trait `locale`, else the
 * workspace default), skipping unsubscribed profiles and those the one fatigue budget refuses; each invitation is
 * stored and recorded in the contact ledger (kind invited, channel email) so no channel contacts them again too soon.
 */
export async function sendInvitations(
  d: Distribution,
  workspaceId: string,
  surveyId: string,
  request: InviteRequest,
  baseUrl: string,
): Promise<SendCounts> {
  const ids = await inviteeIds(d, workspaceId, request);
  const { survey, definition } = await liveDefinition(d, workspaceId, surveyId);
  if (!d.mailer) throw new CairnError('CAIRN_EMAIL_NOT_CONFIGURED');
  const { store, ledger } = d.services;
  const workspace = await store.workspaces.get(workspaceId);
  const unsubscribed = new Set(await store.surveys.distribution.unsubscribed(workspaceId, ids));
  const counts: SendCounts = { sent: 0, skipped: { noEmail: 0, unsubscribed: 0, fatigue: 0 } };
  const now = d.services.now();
  for (const profileId of ids) {
    const members = await store.profiles.memberIds(workspaceId, profileId);
    const email = (await store.profiles.identities(workspaceId, members)).find((i) => i.kind === 'email');
    if (!email) {
      counts.skipped.noEmail++;
      continue;
    }
    if (unsubscribed.has(profileId)) {
      counts.skipped.unsubscribed++;
      continue;
    }
    if (await ledger.verdict(workspaceId, profileId, surveyId, survey.settings)) {
      counts.skipped.fatigue++;
      continue;
    }
    const traits = await store.profiles.currentTraits(workspaceId, members);
    const locale = typeof traits.locale?.value === 'string' ? traits.locale.value : null;
    const language = pickLanguage(definition, [locale, workspace?.defaultLocale]);
    await d.mailer.send(
      invitationMail({
        to: email.value,
        language,
        title: surveyTitle(definition, language),
        ...links(d, baseUrl, workspaceId, surveyId, profileId, now),
        reminder: false,
      }),
    );
    const at = now.toISOString();
    const invitation: InvitationRecord = {
      id: uuidv7(),
      workspaceId,
      surveyId,
      profileId,
      email: email.value,
      locale: language,
      baseUrl,
      sentAt: at,
      reminderDueAt:
        request.reminderAfterDays === undefined
          ? null
          : new Date(now.getTime() + request.reminderAfterDays * day).toISOString(),
      remindedAt: null,
      respondedAt: null,
    };
    await store.surveys.distribution.insertInvitations([invitation]);
    await ledger.record([{ workspaceId, profileId, surveyId, channel: 'email', kind: 'invited', at }]);
    counts.sent++;
  }
  return counts;
}

/**
 * Reminds, once, every invitee whose reminder is due and who has no completed response (partial answers do not
 * count). Reminders belong to the invitation's contact, so the fatigue budget is not asked again; unsubscribed
 * profiles and surveys no longer live are skipped.
 */
export async function sendDueReminders(
  d: Distribution,
  now: Date,
  scope: { workspaceId?: string; surveyId?: string } = {},
): Promise<SendCounts> {
  const counts: SendCounts = { sent: 0, skipped: { noEmail: 0, unsubscribed: 0, fatigue: 0 } };
  if (!d.mailer) return counts;
  const due = await d.services.store.surveys.distribution.dueReminders(
    now.toISOString(),
    scope.workspaceId,
    scope.surveyId,
  );
  for (const invitation of due) {
    const { workspaceId, surveyId, profileId } = invitation;
    const cached = await d.services.catalog.liveSurvey(workspaceId, surveyId);
    if (!cached) continue;
    await d.mailer.send(
      invitationMail({
        to: invitation.email,
        language: invitation.locale,
        title: surveyTitle(cached.definition, invitation.locale),
        ...links(d, invitation.baseUrl, workspaceId, surveyId, profileId, now),
        reminder: true,
      }),
    );
    await d.services.store.surveys.distribution.markReminded([invitation.id], now.toISOString());
    counts.sent++;
  }
  return counts;
}

/** Due reminders of one survey, now (the staff endpoint); 404 for a survey that does not exist. */
export async function sendDueRemindersOf(
  d: Distribution,
  workspaceId: string,
  surveyId: string,
): Promise<SendCounts> {
  const survey = await d.services.store.surveys.definitions.get(workspaceId, surveyId);
  if (!survey) throw notFound('Survey', surveyId);
  return sendDueReminders(d, d.services.now(), { workspaceId, surveyId });
}
