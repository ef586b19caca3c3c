import type { SurveyDefinition } from '@cairn/protocol';
import type { CairnApp } from '../../http/app.js';
import { adminHeaders } from '../../test-support/test-app.js';

/** A small NPS survey in German and English: NPS, then a reason (skipped for promoters), then a choice. */
export const npsDefinition: SurveyDefinition = {
  defaultLanguage: 'en',
  welcome: { title: { en: 'Two minutes?', de: 'Zwei Minuten?' } },
  questions: [
    {
      id: 'nps',
      type: 'nps',
      title: {
        en: 'How likely are you to recommend us?',
        de: 'Wie wahrscheinlich empfehlen Sie uns weiter?',
      },
      // biome-ignore lint/suspicious/noThenProperty: `then` is the survey logic wire format (if … then goTo) shared with the SDK.
      logic: [{ if: { questionId: 'nps', op: 'gte', value: 9 }, then: { goTo: 'topic' } }],
    },
    { id: 'why', type: 'text', title: { en: 'What should we improve?', de: 'Was sollten wir verbessern?' } },
    {
      id: 'topic',
      type: 'single_choice',
      required: false,
      title: { en: 'Which topic?', de: 'Welches Thema?' },
      choices: [
        { id: 'delivery', label: { en: 'Delivery', de: 'Lieferung' } },
        { id: 'price', label: { en: 'Price', de: 'Preis' } },
      ],
    },
  ],
  end: { title: { en: 'Thank you!', de: 'Danke!' } },
  thankYou: [
    {
      when: { questionId: 'nps', min: 9, max: 10 },
      title: { en: 'Glad you like us', de: 'Schön, dass es Ihnen gefällt' },
      link: { url: 'https://example.com/review', label: { en: 'Write a review', de: 'Bewertung schreiben' } },
    },
  ],
  hiddenFields: ['orderId'],
};

/** Creates a survey through the API and (unless `live` is false) puts it live; returns its id. */
export async function liveSurvey(
  app: CairnApp,
  workspaceId: string,
  options: {
    name?: string;
    definition?: SurveyDefinition;
    settings?: Record<string, unknown>;
    live?: boolean;
  } = {},
): Promise<string> {
  const created = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/surveys`,
    headers: adminHeaders,
    payload: {
      name: options.name ?? 'NPS',
      definition: options.definition ?? npsDefinition,
      settings: options.settings ?? {},
    },
  });
  if (created.statusCode !== 201) throw new Error(`survey: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  if (options.live === false) return id;
  const live = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/surveys/${id}/status`,
    headers: adminHeaders,
    payload: { status: 'live' },
  });
  if (live.statusCode !== 200) throw new Error(`status: ${live.statusCode} ${live.body}`);
  return id;
}
