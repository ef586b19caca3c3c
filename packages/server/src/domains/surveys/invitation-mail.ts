import { escapeHtml as e } from './escape-html.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const texts = {
  en: {
    subject: 'Your opinion matters: {title}',
    reminderSubject: 'Reminder: {title}',
    greeting: 'Hello,',
    ask: 'we would like to hear what you think. It takes about two minutes:',
    reminder:
      'a few days ago we asked for your opinion. If you have two minutes, we would be glad to hear it:',
    button: 'Start the survey',
    unsubscribe: 'No more survey e-mails? Unsubscribe:',
  },
  de: {
    subject: 'Ihre Meinung zählt: {title}',
    reminderSubject: 'Erinnerung: {title}',
    greeting: 'Guten Tag,',
    ask: 'wir möchten gern wissen, was Sie denken. Es dauert etwa zwei Minuten:',
    reminder:
      'vor einigen Tagen haben wir Sie um Ihre Meinung gebeten. Wenn Sie zwei Minuten haben, freuen wir uns:',
    button: 'Zur Umfrage',
    unsubscribe: 'Keine Umfrage-E-Mails mehr? Abmelden:',
  },
};

/** Invitation or reminder in the invitee's language (German or English texts; other languages get English). */
export function invitationMail(input: {
  to: string;
  language: string;
  title: string;
  surveyUrl: string;
  unsubscribeUrl: string;
  reminder: boolean;
}): OutgoingMail {
  const w = texts[input.language.split('-')[0] === 'de' ? 'de' : 'en'];
  const subject = (input.reminder ? w.reminderSubject : w.subject).replace('{title}', input.title);
  const lead = input.reminder ? w.reminder : w.ask;
  const text = `${w.greeting}\n\n${lead}\n${input.surveyUrl}\n\n--\n${w.unsubscribe} ${input.unsubscribeUrl}\n`;
  const html = `<!doctype html><html lang="${e(input.language)}"><body>
<p>${e(w.greeting)}</p><p>${e(lead)}</p>
<p><a href="${e(input.surveyUrl)}">${e(w.button)}</a></p>
<hr><p><small>${e(w.unsubscribe)} <a href="${e(input.unsubscribeUrl)}">${e(input.unsubscribeUrl)}</a></small></p>
</body></html>`;
  // One-click unsubscribe for mail clients (RFC 2369 List-Unsubscribe, RFC 8058 List-Unsubscribe-Post): the client
  // POSTs "List-Unsubscribe=One-Click" to the link, which POST /s/unsubscribe accepts.
  const headers = {
    'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
  return { to: input.to, subject, text, html, headers };
}
