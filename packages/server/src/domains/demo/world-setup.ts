import type { JsonApi } from './json-api.js';
import type { DemoSurveyKey } from './survey-definitions.js';

/**
 * What a CX team would have set up for Nordlicht Sport, so every screen has something to show: the touchpoint
 * registry (mapping the generator's events and pages), the customer journey through them, and segments by the
 * traits the generator sets (plan, newsletter, locale, city). Created through the public API like everything else.
 */

type Stage = 'Discover' | 'Consider' | 'Purchase' | 'Deliver' | 'Service' | 'Loyalty';

interface DemoTouchpoint {
  key: string;
  name: string;
  channel: string;
  stage: Stage;
  ownerTeam: string;
  description: string;
  rules: { event?: string; urlPattern?: string }[];
}

/** In registry order: an event belongs to the first touchpoint whose rules match it. */
export const demoTouchpoints: DemoTouchpoint[] = [
  {
    key: 'home',
    name: 'Home page',
    channel: 'web',
    stage: 'Discover',
    ownerTeam: 'E-commerce',
    description: 'Start page of the web shop and the app.',
    rules: [{ event: 'Startseite' }],
  },
  {
    key: 'category',
    name: 'Category pages',
    channel: 'web',
    stage: 'Discover',
    ownerTeam: 'E-commerce',
    description: 'Browsing by sport.',
    rules: [{ urlPattern: '/kategorie/*' }],
  },
  {
    key: 'search',
    name: 'Product search',
    channel: 'web',
    stage: 'Consider',
    ownerTeam: 'E-commerce',
    description: 'Search in the shop and the app.',
    rules: [{ event: 'Products Searched' }],
  },
  {
    key: 'product',
    name: 'Product page',
    channel: 'web',
    stage: 'Consider',
    ownerTeam: 'E-commerce',
    description: 'A product viewed in the shop or the app.',
    rules: [{ event: 'Product Viewed' }, { event: 'Product Added' }],
  },
  {
    key: 'checkout',
    name: 'Checkout',
    channel: 'web',
    stage: 'Purchase',
    ownerTeam: 'E-commerce',
    description: 'The checkout page and its start; measured by the checkout survey (CES, CSAT).',
    rules: [{ urlPattern: '/kasse' }, { event: 'Kasse' }, { event: 'Checkout Started' }],
  },
  {
    key: 'order',
    name: 'Order placed',
    channel: 'web',
    stage: 'Purchase',
    ownerTeam: 'E-commerce',
    description: 'An order completed online or in a store.',
    rules: [{ event: 'Order Completed' }],
  },
  {
    key: 'store',
    name: 'Store visit',
    channel: 'store',
    stage: 'Purchase',
    ownerTeam: 'Retail',
    description: 'A visit to one of the six stores.',
    rules: [{ event: 'Store Visited' }],
  },
  {
    key: 'shipping',
    name: 'Shipping notice',
    channel: 'email',
    stage: 'Deliver',
    ownerTeam: 'Logistics',
    description: 'The e-mail saying the parcel is on its way.',
    rules: [{ event: 'Order Shipped' }],
  },
  {
    key: 'delivery',
    name: 'Delivery',
    channel: 'sms',
    stage: 'Deliver',
    ownerTeam: 'Logistics',
    description: 'The parcel arrives (SMS notice); measured by the delivery CSAT survey.',
    rules: [{ event: 'Order Delivered' }],
  },
  {
    key: 'returns',
    name: 'Returns',
    channel: 'web',
    stage: 'Service',
    ownerTeam: 'Logistics',
    description: 'Return requests and refunds.',
    rules: [{ event: 'Return Requested' }, { event: 'Order Refunded' }],
  },
  {
    key: 'support',
    name: 'Customer service',
    channel: 'chat',
    stage: 'Service',
    ownerTeam: 'Customer service',
    description: 'Tickets by chat, phone and e-mail; measured by the support CSAT survey.',
    rules: [
      { event: 'Ticket Opened' },
      { event: 'Ticket Closed' },
      { event: 'Live Chat Conversation Started' },
      { event: 'Call Completed' },
    ],
  },
  {
    key: 'newsletter',
    name: 'Newsletter',
    channel: 'email',
    stage: 'Loyalty',
    ownerTeam: 'Marketing',
    description: 'The monthly newsletter, opened and clicked.',
    rules: [{ event: 'Email Opened' }, { event: 'Email Link Clicked' }],
  },
  {
    key: 'offers',
    name: 'Offers page',
    channel: 'web',
    stage: 'Loyalty',
    ownerTeam: 'Marketing',
    description: 'Where newsletter links lead.',
    rules: [{ urlPattern: '/angebote*' }],
  },
  {
    key: 'plus',
    name: 'Plus membership',
    channel: 'web',
    stage: 'Loyalty',
    ownerTeam: 'Marketing',
    description: 'Joining or leaving the paid membership.',
    rules: [{ event: 'Subscription Started' }, { event: 'Subscription Cancelled' }],
  },
];

const stages: Stage[] = ['Discover', 'Consider', 'Purchase', 'Deliver', 'Service', 'Loyalty'];

export const demoSegments = [
  { key: 'plus', name: 'Plus members', conditions: [{ field: 'trait.plan', op: 'eq', value: 'plus' }] },
  {
    key: 'newsletter',
    name: 'Newsletter subscribers',
    conditions: [{ field: 'trait.newsletter', op: 'eq', value: true }],
  },
  {
    key: 'english',
    name: 'English-speaking',
    conditions: [{ field: 'trait.locale', op: 'eq', value: 'en' }],
  },
  {
    key: 'hamburg-berlin',
    name: 'Hamburg and Berlin',
    conditions: [{ field: 'trait.city', op: 'in', value: ['Hamburg', 'Berlin'] }],
  },
];

/** Touchpoint key → id, for surveys that measure a touchpoint. */
export type TouchpointIds = Map<string, string>;

/** The touchpoint each transactional survey measures (the relationship NPS measures none). */
export const measuredTouchpoint: Partial<Record<DemoSurveyKey, string>> = {
  checkout: 'checkout',
  'csat-delivery': 'delivery',
  'csat-support': 'support',
};

export async function setUpWorld(api: JsonApi, workspaceId: string): Promise<TouchpointIds> {
  const base = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;
  const ids: TouchpointIds = new Map();
  for (const [position, { key, ...touchpoint }] of demoTouchpoints.entries()) {
    const created = await api.json<{ id: string }>('POST', `${base}/touchpoints`, {
      ...touchpoint,
      position,
    });
    ids.set(key, created.id);
  }
  await api.json('POST', `${base}/journeys`, {
    name: 'Nordlicht customer journey',
    description: 'From the first visit to loyalty, across web, app, e-mail, SMS, chat, phone and the stores.',
    stages: stages.map((stage) => ({
      key: stage.toLowerCase(),
      name: stage,
      touchpointIds: demoTouchpoints.filter((t) => t.stage === stage).map((t) => ids.get(t.key) as string),
      events: [],
    })),
  });
  for (const segment of demoSegments) await api.json('POST', `${base}/segments`, segment);
  return ids;
}
