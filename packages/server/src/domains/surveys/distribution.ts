import type { Config } from '../../config.js';
import { messagePage, unsubscribeConfirmPage } from './hosted-page.js';
import type { HostedPage } from './hosted-survey.js';
import { type Distribution, sendDueReminders } from './invitations.js';
import { loadLinkSecret, verifyLink } from './link-token.js';
import { createMailer } from './mailer.js';
import type { SurveyServices } from './survey-services.js';
import { sendDueTriggered } from './triggered-invitations.js';

/** The link secret, the mailer (when SMTP is configured) and the public base URL, built once per app. */
export async function createDistribution(config: Config, services: SurveyServices): Promise<Distribution> {
  return {
    services,
    secret: await loadLinkSecret(config.linkSecret, config.dataDir),
    mailer: createMailer(config.smtpUrl, config.mailFrom),
    publicUrl: config.publicUrl,
  };
}

/** The page the unsubscribe link of a mail opens: checks the link and asks; changes nothing (a GET). */
export function confirmUnsubscribePage(d: Distribution, token: string, lang: string): HostedPage {
  verifyLink(d.secret, token, 'unsubscribe', d.services.now());
  return { status: 200, html: unsubscribeConfirmPage(lang.startsWith('de') ? 'de' : 'en', token) };
}

/** Records the unsubscribe of the profile inside the signed link: it is never mailed about surveys again. */
export async function unsubscribeByLink(d: Distribution, token: string, lang: string): Promise<HostedPage> {
  const now = d.services.now();
  const link = verifyLink(d.secret, token, 'unsubscribe', now);
  await d.services.store.surveys.distribution.unsubscribe(link.w, link.p, now.toISOString());
  const de = lang.startsWith('de');
  return {
    status: 200,
    html: messagePage(
      de ? 'de' : 'en',
      de ? 'Abgemeldet' : 'Unsubscribed',
      de
        ? 'Sie erhalten keine Umfrage-E-Mails mehr von uns.'
        : 'You will not receive survey e-mails from us any more.',
    ),
  };
}

/**
 * Sends due reminders and due event-triggered invitations every `intervalMs` in this process (unref'd, so it never keeps the process alive); the
 * clock is the app's, so tests pin it. Returns the function that stops it (called from an onClose hook).
 */
export function startReminderScheduler(
  d: Distribution,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => void {
  if (!d.mailer) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendDueReminders(d, d.services.now())
      .then(() => sendDueTriggered(d, d.services.now()))
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
