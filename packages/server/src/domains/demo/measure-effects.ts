import { plantedEffects } from './effects.js';
import { isSurveyResponse, resolveWorld, type WorldOptions } from './world.js';
import { worldRecords } from './world-stream.js';

const dayMs = 86_400_000;

/** Running mean and share counters, keyed by group. */
class Tally {
  private readonly sums = new Map<string, { total: number; n: number }>();
  add(group: string, value: number): void {
    const entry = this.sums.get(group) ?? { total: 0, n: 0 };
    entry.total += value;
    entry.n++;
    this.sums.set(group, entry);
  }
  mean(group: string): number {
    const entry = this.sums.get(group);
    return entry && entry.n > 0 ? entry.total / entry.n : Number.NaN;
  }
  count(group: string): number {
    return this.sums.get(group)?.n ?? 0;
  }
}

const nps = (scores: number[]) =>
  (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;

export interface MeasuredEffects {
  csatAfterDelivery: { late: number; onTime: number; n: number };
  checkoutConversion: { slow: number; fast: number; n: number };
  cancellationAfterSupport: { bad: number; good: number; n: number };
  churnAfterDelivery: { late: number; onTime: number; n: number };
  nps: { unhappy: number; happy: number; n: number };
  checkoutCsat: { degraded: number; normal: number; n: number };
}

/**
 * Recovers the planted effects from the generated records alone, the way an analyst would from events and answers
 * (joined on order, checkout and ticket ids), so tests and docs can check the world holds what effects.ts promises.
 */
export function measureEffects(options: WorldOptions): MeasuredEffects {
  const world = resolveWorld(options, plantedEffects.degradedTouchpoint.isoWeek);
  const csat = new Tally();
  const conversion = new Tally();
  const cancellation = new Tally();
  const churn = new Tally();
  const checkoutCsat = new Tally();
  const npsByMood: Record<'unhappy' | 'happy', number[]> = { unhappy: [], happy: [] };
  for (const records of worldRecords(options)) {
    const late = new Map<string, boolean>();
    const lcp = new Map<string, number>();
    const ordered = new Set<string>();
    const orderChannel = new Map<string, { channel: string; at: number }>();
    const closedTickets: { at: number; bad: boolean }[] = [];
    const deliveries: { at: number; late: boolean }[] = [];
    const visits: number[] = [];
    const disappointments: number[] = [];
    let subscriber = false;
    let cancelledAt = Number.POSITIVE_INFINITY;
    for (const r of records) {
      const at = Date.parse(r.timestamp);
      if (isSurveyResponse(r)) continue;
      const p = (r.properties ?? {}) as Record<string, unknown>;
      if (r.type === 'identify') subscriber ||= r.traits?.plan === 'plus';
      if (r.type === 'page' || r.type === 'screen' || r.event === 'Store Visited') visits.push(at);
      if (r.event === 'Web Vitals' && p.page === '/kasse') lcp.set(p.checkout_id as string, p.lcp as number);
      if (r.event === 'Order Completed') {
        if (p.checkout_id) ordered.add(p.checkout_id as string);
        orderChannel.set(p.order_id as string, { channel: r.context.channel, at });
      }
      if (r.event === 'Order Delivered') {
        late.set(p.order_id as string, p.late as boolean);
        deliveries.push({ at, late: p.late as boolean });
        if (p.late) disappointments.push(at);
      }
      if (r.event === 'Ticket Closed') {
        closedTickets.push({ at, bad: p.resolution === 'bad' });
        if (p.resolution === 'bad') disappointments.push(at);
      }
      if (r.event === 'Subscription Cancelled') cancelledAt = Math.min(cancelledAt, at);
    }
    for (const [checkoutId, value] of lcp)
      conversion.add(value > plantedEffects.slowLcpMs ? 'slow' : 'fast', ordered.has(checkoutId) ? 1 : 0);
    if (subscriber) {
      // Only the first closed ticket counts: a customer cancels once.
      const first = closedTickets[0];
      if (first)
        cancellation.add(
          first.bad ? 'bad' : 'good',
          cancelledAt > first.at && cancelledAt <= first.at + 30 * dayMs ? 1 : 0,
        );
    }
    for (const d of deliveries) {
      // Churned: no further visit at all, for deliveries with at least 120 days of world left to visit in.
      if (d.at > world.end - 120 * dayMs) continue;
      churn.add(d.late ? 'late' : 'onTime', visits.some((v) => v > d.at) ? 0 : 1);
    }
    for (const r of records) {
      if (!isSurveyResponse(r)) continue;
      const at = Date.parse(r.timestamp);
      const score = (id: string) => r.answers.find((a) => a.questionId === id)?.value as number;
      if (r.survey === 'csat-delivery')
        csat.add(late.get(r.hiddenFields.orderId as string) ? 'late' : 'onTime', score('csat'));
      if (r.survey === 'nps-relationship') {
        const unhappy = disappointments.some((d) => d <= at && d > at - 90 * dayMs);
        npsByMood[unhappy ? 'unhappy' : 'happy'].push(score('nps'));
      }
      const order = orderChannel.get(r.hiddenFields.orderId as string);
      if (r.survey === 'checkout' && order?.channel === 'app') {
        const degraded = order.at >= world.degradedWeekStart && order.at < world.degradedWeekEnd;
        checkoutCsat.add(degraded ? 'degraded' : 'normal', score('csat'));
      }
    }
  }
  return {
    csatAfterDelivery: {
      late: csat.mean('late'),
      onTime: csat.mean('onTime'),
      n: csat.count('late') + csat.count('onTime'),
    },
    checkoutConversion: {
      slow: conversion.mean('slow'),
      fast: conversion.mean('fast'),
      n: conversion.count('slow') + conversion.count('fast'),
    },
    cancellationAfterSupport: {
      bad: cancellation.mean('bad'),
      good: cancellation.mean('good'),
      n: cancellation.count('bad') + cancellation.count('good'),
    },
    churnAfterDelivery: {
      late: churn.mean('late'),
      onTime: churn.mean('onTime'),
      n: churn.count('late') + churn.count('onTime'),
    },
    nps: {
      unhappy: nps(npsByMood.unhappy),
      happy: nps(npsByMood.happy),
      n: npsByMood.unhappy.length + npsByMood.happy.length,
    },
    checkoutCsat: {
      degraded: checkoutCsat.mean('degraded'),
      normal: checkoutCsat.mean('normal'),
      n: checkoutCsat.count('degraded'),
    },
  };
}
