import type { Channel } from '@cairn/protocol';
import type { Product } from './catalogue.js';
import { ticketTopics } from './catalogue.js';
import type { RecordSink } from './customer.js';
import { csatAfterDelivery, csatAfterSupport, plantedEffects as effects, npsScores } from './effects.js';
import type { Random } from './prng.js';
import { openText, sentimentOf } from './survey-texts.js';
import { dayMs, type World } from './world.js';

const hourMs = 3_600_000;
const supportChannels: readonly Channel[] = ['chat', 'chat', 'phone', 'phone', 'email'];

/**
 * What follows an order (shipping, delivery, returns, support, cancellation) and the customer's relationship
 * over time (newsletters, quarterly NPS). It remembers late deliveries and bad support contacts, because they
 * drive NPS, and it decides when the customer churns (no further visits or orders after `churnAt`).
 */
export class Fulfilment {
  churnAt = Number.POSITIVE_INFINITY;
  private readonly disappointments: number[] = [];
  private tickets = 0;
  private cancelled = false;

  constructor(
    private readonly world: World,
    private readonly random: Random,
    private readonly sink: RecordSink,
  ) {}

  private churn(at: number): void {
    this.churnAt = Math.min(this.churnAt, at);
  }

  ship(orderedAt: number, orderId: string, cart: Product[]): void {
    const { random, sink } = this;
    const shippedAt = orderedAt + Math.round(random.between(0.4, 1.5) * dayMs);
    sink.track(shippedAt, 'email', 'Order Shipped', {
      order_id: orderId,
      carrier: random.pick(['DHL', 'DPD', 'Hermes']),
    });
    const late = random.chance(effects.lateDeliveryShare);
    const delayDays = late ? random.int(1, 6) : 0;
    const deliveredAt = orderedAt + (2 + delayDays) * dayMs + Math.round(random.between(8, 19) * hourMs);
    sink.track(deliveredAt, 'sms', 'Order Delivered', { order_id: orderId, late, delayDays });
    if (late) this.disappointments.push(deliveredAt);
    if (random.chance(0.35)) {
      const csat = random.fromTable(late ? csatAfterDelivery.late : csatAfterDelivery.onTime, 1);
      this.surveyWithComment(
        deliveredAt + dayMs,
        'csat-delivery',
        csat,
        1,
        5,
        'delivery',
        { orderId },
        {
          product: cart[0]?.name,
          days: delayDays,
        },
      );
    }
    if (random.chance(0.12)) {
      const returnedAt = deliveredAt + Math.round(random.between(2, 10) * dayMs);
      sink.track(returnedAt, 'web', 'Return Requested', {
        order_id: orderId,
        reason: random.pick(['size', 'quality', 'changed_mind']),
      });
      sink.track(returnedAt + 5 * dayMs, 'email', 'Order Refunded', { order_id: orderId, currency: 'EUR' });
      if (random.chance(0.15)) this.ticket(returnedAt + dayMs, 'return', orderId);
    }
    if (random.chance(late ? 0.35 : 0.04))
      this.ticket(deliveredAt + Math.round(random.between(0.2, 2) * dayMs), 'delivery', orderId);
    else if (random.chance(0.02)) this.ticket(deliveredAt + 3 * dayMs, random.pick(ticketTopics), orderId);
    const churnShare = late ? effects.churnAfterDelivery.late : effects.churnAfterDelivery.onTime;
    if (random.chance(churnShare)) this.churn(deliveredAt + hourMs);
  }

  private ticket(openedAt: number, topic: string, orderId: string): void {
    const { random, sink } = this;
    const ticketId = `T-${sink.customer.index}-${++this.tickets}`;
    const channel = random.pick(supportChannels);
    sink.track(openedAt, channel, 'Ticket Opened', { ticket_id: ticketId, topic, order_id: orderId });
    if (channel === 'chat')
      sink.track(openedAt + 60_000, 'chat', 'Live Chat Conversation Started', { conversation_id: ticketId });
    if (channel === 'phone')
      sink.track(openedAt + 60_000, 'phone', 'Call Completed', {
        ticket_id: ticketId,
        durationSeconds: random.int(90, 1500),
      });
    const bad = random.chance(effects.badSupportShare);
    const closedAt = openedAt + Math.round(random.between(0.1, 3) * dayMs);
    const resolution = bad ? 'bad' : 'good';
    sink.track(closedAt, channel, 'Ticket Closed', {
      ticket_id: ticketId,
      resolution,
      durationHours: Math.round((closedAt - openedAt) / hourMs),
    });
    if (bad) this.disappointments.push(closedAt);
    if (random.chance(0.4)) {
      const csat = random.fromTable(bad ? csatAfterSupport.bad : csatAfterSupport.good, 1);
      this.surveyWithComment(closedAt + 2 * hourMs, 'csat-support', csat, 1, 5, 'support', { ticketId }, {});
    }
    const cancels = bad ? effects.cancellationAfterSupport.bad : effects.cancellationAfterSupport.good;
    if (sink.customer.subscriber && !this.cancelled && random.chance(cancels)) {
      this.cancelled = true;
      const at = closedAt + Math.round(random.between(1, 28) * dayMs);
      sink.track(at, 'web', 'Subscription Cancelled', {
        plan: 'plus',
        reason: bad ? 'service' : random.pick(['price', 'not_used']),
      });
      this.churn(at + hourMs);
    }
  }

  private surveyWithComment(
    at: number,
    survey: 'csat-delivery' | 'csat-support' | 'nps-relationship',
    score: number,
    min: number,
    max: number,
    topic: 'delivery' | 'support' | 'relationship',
    hiddenFields: Record<string, string>,
    slots: { product?: string | undefined; days?: number },
  ): void {
    const { random, sink } = this;
    const questionId = survey === 'nps-relationship' ? 'nps' : 'csat';
    const answers: { questionId: string; value: number | string }[] = [{ questionId, value: score }];
    if (random.chance(0.55)) {
      const text = openText(random, sink.customer.locale, topic, sentimentOf(score, min, max), {
        ...(slots.product ? { product: slots.product } : {}),
        ...(slots.days ? { days: slots.days } : {}),
        city: sink.customer.city,
      });
      answers.push({ questionId: 'comment', value: text });
    }
    sink.survey(at, survey, 'email', answers, hiddenFields);
  }

  /** Monthly newsletter: opened by some, clicked by fewer, and a click is a visit to the offers page. */
  newsletters(identifiedAt: number, visit: (at: number, campaign: string) => void): void {
    const { random, sink, world } = this;
    if (!sink.customer.newsletter) return;
    for (let month = 0; month < 12; month++) {
      const sentAt = world.start + Math.round(month * 30.4 * dayMs) + 9 * hourMs;
      if (sentAt < identifiedAt || sentAt >= Math.min(this.churnAt, world.end) || !random.chance(0.3))
        continue;
      const campaign = `newsletter-${new Date(sentAt).toISOString().slice(0, 7)}`;
      const openedAt = sentAt + Math.round(random.between(0.5, 30) * hourMs);
      sink.track(openedAt, 'email', 'Email Opened', { campaign, email_subject: 'Neu im Shop' });
      if (!random.chance(0.35)) continue;
      sink.track(openedAt + 60_000, 'email', 'Email Link Clicked', { campaign, link_url: '/angebote' });
      visit(openedAt + 90_000, campaign);
    }
  }

  /** Relationship NPS each quarter; unhappy when a late delivery or bad support fell in the 90 days before. */
  npsWaves(identifiedAt: number): void {
    const { random, world } = this;
    for (let wave = 1; wave <= 4; wave++) {
      const at = world.start + wave * 91 * dayMs - 5 * dayMs + Math.round(random.between(0, 3) * dayMs);
      if (at < identifiedAt || at >= Math.min(this.churnAt, world.end) || !random.chance(0.3)) continue;
      const unhappy = this.disappointments.some((when) => when <= at && when > at - 90 * dayMs);
      const score = random.fromTable(unhappy ? npsScores.unhappy : npsScores.happy, 0);
      this.surveyWithComment(
        at,
        'nps-relationship',
        score,
        0,
        10,
        'relationship',
        { wave: String(wave) },
        {},
      );
    }
  }
}
