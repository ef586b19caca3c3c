import type { Question, SurveyDefinition } from '@cairn/protocol';
import { escapeHtml as e } from './escape-html.js';

/** Everything the hosted survey page shows; texts are picked per language here and escaped when written. */
export interface SurveyFormModel {
  surveyId: string;
  definition: SurveyDefinition;
  language: string;
  /** Signed link token (personalised links) or null (anonymous). */
  token: string | null;
  /** Idempotency key of this response: double submits update instead of duplicating. */
  clientKey: string;
  hiddenFields: Record<string, string>;
  /** Earlier answers of the same response (prefill), by question id. */
  values: Map<string, unknown>;
  error: string | null;
}

const ui = {
  en: { submit: 'Send', optional: '(optional)', error: 'Please check your answers', problem: 'Problem' },
  de: {
    submit: 'Absenden',
    optional: '(optional)',
    error: 'Bitte prüfen Sie Ihre Antworten',
    problem: 'Problem',
  },
};
const words = (lang: string) => ui[lang.split('-')[0] === 'de' ? 'de' : 'en'];

/** The text in `lang`, else in the survey's default language. */
export const pick = (text: Record<string, string> | undefined, lang: string, fallback: string) =>
  text ? (text[lang] ?? text[fallback] ?? '') : '';

const style = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1d1d1b}
main{max-width:40rem;margin:0 auto;padding:1rem}fieldset{border:1px solid #c8c8c4;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}
legend{font-weight:600;padding:0 .25rem}.scale{display:flex;flex-wrap:wrap;gap:.25rem}
.scale label{display:inline-flex;flex-direction:column;align-items:center;min-width:2.5rem;padding:.25rem;border:1px solid #c8c8c4;border-radius:.25rem}
label.row{display:block;margin:.25rem 0}textarea,input[type=text]{width:100%;box-sizing:border-box;font:inherit;padding:.5rem}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}button{font:inherit;padding:.6rem 1.4rem;background:#1a5fb4;color:#fff;border:0;border-radius:.3rem}
.error{border:2px solid #a51d2d;padding:.5rem;border-radius:.3rem}.hint{color:#555;font-size:.9em}`;

export function layout(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${e(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title>
<style>${style}</style></head><body><main>${body}</main></body></html>`;
}

function scaleOf(q: Question): [number, number] | null {
  if (q.type === 'nps') return [0, 10];
  if (q.type === 'csat') return [1, 5];
  if (q.type === 'ces') return [1, 7];
  if (q.type === 'rating') return [q.min, q.max];
  return null;
}

function radios(
  name: string,
  options: { value: string; label: string }[],
  checked: unknown,
  cls = '',
): string {
  return options
    .map(
      (o) =>
        `<label class="${cls}"><input type="radio" name="${e(name)}" value="${e(o.value)}"${
          String(checked) === o.value ? ' checked' : ''
        }> ${e(o.label)}</label>`,
    )
    .join('');
}

function questionHtml(q: Question, m: SurveyFormModel): string {
  const t = (text: Record<string, string> | undefined) =>
    pick(text, m.language, m.definition.defaultLanguage);
  const name = `q:${q.id}`;
  const value = m.values.get(q.id);
  const optional = q.required === false ? ` <span class="hint">${e(words(m.language).optional)}</span>` : '';
  const title = `${e(t(q.title))}${optional}`;
  const description = q.description ? `<p class="hint">${e(t(q.description))}</p>` : '';
  const bounds = scaleOf(q);
  if (bounds && (q.type === 'nps' || q.type === 'csat' || q.type === 'ces' || q.type === 'rating')) {
    const options = [];
    for (let n = bounds[0]; n <= bounds[1]; n++) options.push({ value: String(n), label: String(n) });
    const ends =
      q.lowLabel || q.highLabel ? `<p class="hint">${e(t(q.lowLabel))} … ${e(t(q.highLabel))}</p>` : '';
    return `<fieldset><legend>${title}</legend>${description}${ends}<div class="scale">${radios(name, options, value)}</div></fieldset>`;
  }
  switch (q.type) {
    case 'single_choice':
      return `<fieldset><legend>${title}</legend>${description}${radios(
        name,
        q.choices.map((c) => ({ value: c.id, label: t(c.label) })),
        value,
        'row',
      )}</fieldset>`;
    case 'multiple_choice': {
      const selected = Array.isArray(value) ? value.map(String) : [];
      const boxes = q.choices
        .map(
          (c) =>
            `<label class="row"><input type="checkbox" name="${e(name)}" value="${e(c.id)}"${
              selected.includes(c.id) ? ' checked' : ''
            }> ${e(t(c.label))}</label>`,
        )
        .join('');
      return `<fieldset><legend>${title}</legend>${description}${boxes}</fieldset>`;
    }
    case 'text': {
      const id = `f-${q.id}`;
      const text = typeof value === 'string' ? value : '';
      const max = q.maxLength ?? 5000;
      const field = q.multiline
        ? `<textarea id="${e(id)}" name="${e(name)}" rows="4" maxlength="${max}">${e(text)}</textarea>`
        : `<input type="text" id="${e(id)}" name="${e(name)}" maxlength="${max}" value="${e(text)}">`;
      return `<p><label for="${e(id)}"><strong>${title}</strong></label>${description}${field}</p>`;
    }
    case 'matrix': {
      const chosen = (value && typeof value === 'object' ? value : {}) as Record<string, string>;
      const rows = q.rows
        .map(
          (row) =>
            `<fieldset><legend>${e(t(row.label))}</legend><div class="scale">${radios(
              `${name}:${row.id}`,
              q.columns.map((c) => ({ value: c.id, label: t(c.label) })),
              chosen[row.id],
            )}</div></fieldset>`,
        )
        .join('');
      return `<fieldset><legend>${title}</legend>${description}${rows}</fieldset>`;
    }
    case 'consent':
      return `<fieldset><legend>${title}</legend>${description}<label class="row"><input type="checkbox" name="${e(
        name,
      )}" value="yes"${value === true ? ' checked' : ''}> ${e(t(q.label))}</label></fieldset>`;
    default:
      return '';
  }
}

/** All questions on one page, a plain form POST (works without JavaScript); branching applies on submit. */
export function surveyFormPage(m: SurveyFormModel): string {
  const t = (text: Record<string, string> | undefined) =>
    pick(text, m.language, m.definition.defaultLanguage);
  const w = words(m.language);
  const welcome = m.definition.welcome;
  const heading = welcome ? t(welcome.title) : t(m.definition.questions[0]?.title);
  const intro = welcome?.body ? `<p>${e(t(welcome.body))}</p>` : '';
  const error = m.error
    ? `<div class="error" role="alert"><strong>${e(w.error)}:</strong> ${e(m.error)}</div>`
    : '';
  const hidden = [
    ['lang', m.language],
    ['k', m.clientKey],
    ...(m.token ? [['t', m.token]] : []),
    ...Object.entries(m.hiddenFields).map(([k, v]) => [`h:${k}`, v]),
  ]
    .map(([k, v]) => `<input type="hidden" name="${e(k)}" value="${e(v)}">`)
    .join('');
  const questions = m.definition.questions.map((q) => questionHtml(q, m)).join('\n');
  const body = `<h1>${e(heading)}</h1>${intro}${error}
<form method="post" action="/s/${e(m.surveyId)}" accept-charset="utf-8">${hidden}
${questions}
<button type="submit">${e(t(welcome?.buttonLabel) || w.submit)}</button></form>`;
  return layout(m.language, heading, body);
}

/** The end screen: the first thank-you rule whose range holds its scale answer, else `end`, else a plain thanks. */
export function thankYouPage(def: SurveyDefinition, lang: string, scores: Map<string, number>): string {
  const t = (text: Record<string, string> | undefined) => pick(text, lang, def.defaultLanguage);
  const rule = def.thankYou?.find((r) => {
    const score = scores.get(r.when.questionId);
    return score !== undefined && score >= r.when.min && score <= r.when.max;
  });
  const screen = rule ?? def.end;
  const title = screen ? t(screen.title) : lang.startsWith('de') ? 'Danke!' : 'Thank you!';
  const body = screen?.body ? `<p>${e(t(screen.body))}</p>` : '';
  const link = rule?.link ? `<p><a href="${e(rule.link.url)}">${e(t(rule.link.label))}</a></p>` : '';
  return layout(lang, title, `<h1>${e(title)}</h1>${body}${link}`);
}

/** A page for links that cannot be used (tampered, expired, survey closed) and for confirmations. */
export function messagePage(lang: string, title: string, text: string): string {
  return layout(lang, title, `<h1>${e(title)}</h1><p>${e(text)}</p>`);
}

/**
 * Asks before unsubscribing: the link in a mail is opened by a GET, and mail scanners and link previews open links
 * too, so a GET must not change anything (RFC 8058 §1). The button POSTs the token back.
 */
export function unsubscribeConfirmPage(lang: string, token: string): string {
  const de = lang.startsWith('de');
  const title = de ? 'Von Umfrage-E-Mails abmelden?' : 'Unsubscribe from survey e-mails?';
  const text = de
    ? 'Nach der Abmeldung senden wir Ihnen keine Umfrage-E-Mails mehr.'
    : 'Once you unsubscribe, we will not send you survey e-mails any more.';
  const button = de ? 'Abmelden' : 'Unsubscribe';
  return layout(
    lang,
    title,
    `<h1>${e(title)}</h1><p>${e(text)}</p>
<form method="post" action="/s/unsubscribe" accept-charset="utf-8"><input type="hidden" name="t" value="${e(token)}">
<button type="submit">${e(button)}</button></form>`,
  );
}
