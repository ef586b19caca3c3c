import type { SurveyDefinition, SurveySettings } from '@cairn/protocol';

/** The demo world's four surveys; responses in the generated world name them by `survey` key. */
export type DemoSurveyKey = 'nps-relationship' | 'csat-delivery' | 'csat-support' | 'checkout';

export interface DemoSurvey {
  key: DemoSurveyKey;
  name: string;
  definition: SurveyDefinition;
  settings: SurveySettings;
}

const comment = (de: string, en: string) => ({
  id: 'comment',
  type: 'text' as const,
  title: { de, en },
  required: false,
  multiline: true,
  maxLength: 2000,
});

const csat = (de: string, en: string) => ({
  id: 'csat',
  type: 'csat' as const,
  style: 'stars' as const,
  title: { de, en },
  lowLabel: { de: 'Sehr unzufrieden', en: 'Very dissatisfied' },
  highLabel: { de: 'Sehr zufrieden', en: 'Very satisfied' },
});

export const demoSurveys: readonly DemoSurvey[] = [
  {
    key: 'nps-relationship',
    name: 'NPS Beziehung (quartalsweise)',
    settings: { fatigue: { surveyCooldownDays: 80 } },
    definition: {
      defaultLanguage: 'de',
      hiddenFields: ['wave'],
      questions: [
        {
          id: 'nps',
          type: 'nps',
          title: {
            de: 'Wie wahrscheinlich ist es, dass Sie Nordlicht Sport Freunden oder Kollegen empfehlen?',
            en: 'How likely are you to recommend Nordlicht Sport to a friend or colleague?',
          },
          lowLabel: { de: 'Unwahrscheinlich', en: 'Not likely' },
          highLabel: { de: 'Sehr wahrscheinlich', en: 'Very likely' },
        },
        comment(
          'Was ist der wichtigste Grund für Ihre Bewertung?',
          'What is the main reason for your score?',
        ),
      ],
    },
  },
  {
    key: 'csat-delivery',
    name: 'CSAT nach Lieferung',
    settings: { trigger: { events: ['Order Delivered'] } },
    definition: {
      defaultLanguage: 'de',
      hiddenFields: ['orderId'],
      questions: [
        csat('Wie zufrieden sind Sie mit der Lieferung?', 'How satisfied are you with the delivery?'),
        comment('Was können wir besser machen?', 'What could we do better?'),
      ],
    },
  },
  {
    key: 'csat-support',
    name: 'CSAT nach Kundenservice',
    settings: { trigger: { events: ['Ticket Closed'] } },
    definition: {
      defaultLanguage: 'de',
      hiddenFields: ['ticketId'],
      questions: [
        csat(
          'Wie zufrieden sind Sie mit unserem Kundenservice?',
          'How satisfied are you with our customer service?',
        ),
        comment('Möchten Sie uns noch etwas sagen?', 'Anything else you would like to tell us?'),
      ],
    },
  },
  {
    key: 'checkout',
    name: 'CES und CSAT nach dem Kauf',
    settings: { trigger: { events: ['Order Completed'] }, targeting: { samplePercent: 30 } },
    definition: {
      defaultLanguage: 'de',
      hiddenFields: ['orderId'],
      questions: [
        {
          id: 'ces',
          type: 'ces',
          title: { de: 'Wie einfach war Ihr Einkauf?', en: 'How easy was it to complete your purchase?' },
          lowLabel: { de: 'Sehr schwierig', en: 'Very difficult' },
          highLabel: { de: 'Sehr einfach', en: 'Very easy' },
        },
        csat('Wie zufrieden sind Sie mit dem Bestellvorgang?', 'How satisfied are you with the checkout?'),
        comment('Was hat Sie gestört?', 'What bothered you?'),
      ],
    },
  },
];
