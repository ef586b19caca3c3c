import { categoryPages, type Product, products, searchTerms } from './catalogue.js';
import { type Customer, makeCustomer, RecordSink } from './customer.js';
import { cesAfterCheckout, csatAfterCheckout, plantedEffects as effects } from './effects.js';
import { Fulfilment } from './fulfilment.js';
import { customerSeed, Random } from './prng.js';
import { openText, sentimentOf } from './survey-texts.js';
import { dayMs, type SurveyAnswer, type World, type WorldRecord } from './world.js';

const hourMs = 3_600_000;
const minuteMs = 60_000;
/** Mean days between two visits (exponential gaps), by engagement: a few loyal regulars, many occasional buyers. */
const visitGapDays = [14, 30, 60, 90, 120, 180, 180] as const;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Core Web Vitals of one page load; the checkout page is slow (LCP > 4 s) in a planted share of loads. */
function webVitals(random: Random, slow: boolean) {
  return {
    lcp: Math.round(slow ? random.between(4100, 7500) : random.between(1100, 3800)),
    inp: Math.round(random.between(60, slow ? 600 : 250)),
    cls: round2(random.between(0, slow ? 0.35 : 0.12)),
    ttfb: Math.round(random.between(120, slow ? 1500 : 700)),
  };
}

/** One customer's year: visits on web, app and in store, checkouts, orders and what follows them. */
class Journey {
  readonly random: Random;
  readonly customer: Customer;
  readonly sink: RecordSink;
  readonly fulfilment: Fulfilment;
  private checkouts = 0;
  private orders = 0;

  constructor(
    readonly world: World,
    index: number,
  ) {
    this.random = new Random(customerSeed(world.seed, index));
    this.customer = makeCustomer(world, index, this.random);
    this.sink = new RecordSink(world, this.customer);
    this.fulfilment = new Fulfilment(world, this.random, this.sink);
  }

  run(): WorldRecord[] {
    const { random, customer, world } = this;
    let at = customer.firstSeen;
    const meanGapMs = random.pick(visitGapDays) * dayMs;
    for (let visit = 1; at < Math.min(world.end, this.fulfilment.churnAt); visit++) {
      if (customer.anonymousOnly) {
        if (visit > 3) break;
        this.browse(at, 'web');
      } else if (customer.storeGoer && random.chance(0.2)) {
        this.storeVisit(at);
      } else {
        if (!this.sink.identified && (visit >= 2 || random.chance(0.4))) this.logIn(at + 2 * minuteMs);
        this.browse(at, customer.app && random.chance(0.5) ? 'app' : 'web');
      }
      at += Math.max(hourMs, random.exponential(meanGapMs));
    }
    if (this.sink.identifiedAt !== undefined) {
      this.fulfilment.newsletters(this.sink.identifiedAt, (when, campaign) =>
        this.newsletterVisit(when, campaign),
      );
      this.fulfilment.npsWaves(this.sink.identifiedAt);
    }
    const records = this.sink.records.filter((r) => r.timestamp < new Date(world.end).toISOString());
    // ISO-8601 UTC strings sort chronologically; the sort is stable, so equal instants keep generation order.
    return records.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  }

  private logIn(at: number): void {
    this.sink.identify(at);
    if (this.customer.subscriber) {
      this.sink.track(at + minuteMs, 'web', 'Subscription Started', {
        plan: 'plus',
        price: 4.99,
        currency: 'EUR',
      });
    }
  }

  private browse(start: number, channel: 'web' | 'app'): void {
    const { random, sink } = this;
    let at = start;
    const step = () => (at += Math.round(random.between(15, 180) * 1000));
    const view = (path: string, title: string, properties: Record<string, unknown> = {}) =>
      channel === 'web' ? sink.page(step(), path, title, properties) : sink.screen(step(), title, properties);
    view('/', 'Startseite');
    if (channel === 'web' && random.chance(0.1))
      sink.track(step(), 'web', 'Web Vitals', { page: '/', ...webVitals(random, random.chance(0.1)) });
    if (random.chance(0.5))
      sink.track(step(), channel, 'Products Searched', { query: random.pick(searchTerms) });
    else {
      const category = random.pick(categoryPages);
      view(`/kategorie/${category}`, `Kategorie ${category}`);
    }
    const viewed: Product[] = [];
    for (let n = random.int(1, 2); n > 0; n--) {
      const product = random.pick(products);
      viewed.push(product);
      // The product page is the Product Viewed event itself (Segment e-commerce spec), not a second page view.
      const page =
        channel === 'web'
          ? { page: { path: `/produkt/${product.id.toLowerCase()}`, title: product.name } }
          : undefined;
      sink.track(
        step(),
        channel,
        'Product Viewed',
        {
          product_id: product.id,
          name: product.name,
          category: product.category,
          price: product.price,
          currency: 'EUR',
        },
        page,
      );
    }
    if (this.customer.anonymousOnly || !random.chance(0.55)) return;
    const cart = viewed.slice(0, random.int(1, viewed.length));
    for (const product of cart)
      sink.track(step(), channel, 'Product Added', {
        product_id: product.id,
        price: product.price,
        quantity: 1,
      });
    if (random.chance(0.8)) this.checkout(step(), channel, cart);
  }

  private checkout(start: number, channel: 'web' | 'app', cart: Product[]): void {
    const { random, sink, world } = this;
    if (!sink.identified) this.logIn(start - minuteMs);
    const checkoutId = `CO-${this.customer.index}-${++this.checkouts}`;
    const value = round2(cart.reduce((sum, p) => sum + p.price, 0));
    const slowPage = channel === 'web' && random.chance(effects.slowCheckoutShare);
    if (channel === 'web') sink.page(start, '/kasse', 'Kasse', { checkout_id: checkoutId });
    else sink.screen(start, 'Kasse', { checkout_id: checkoutId });
    sink.track(start + 1000, channel, 'Checkout Started', {
      checkout_id: checkoutId,
      value,
      currency: 'EUR',
    });
    if (channel === 'web')
      sink.track(start + 2000, 'web', 'Web Vitals', {
        page: '/kasse',
        checkout_id: checkoutId,
        ...webVitals(random, slowPage),
      });
    const converts = random.chance(
      slowPage ? effects.checkoutConversion.slow : effects.checkoutConversion.fast,
    );
    if (!converts) return;
    const at = start + Math.round(random.between(60, 400) * 1000);
    const orderId = `NL-${this.customer.index}-${++this.orders}`;
    sink.track(at, channel, 'Order Completed', {
      order_id: orderId,
      checkout_id: checkoutId,
      revenue: value,
      currency: 'EUR',
      products: cart.map((p) => ({
        product_id: p.id,
        name: p.name,
        category: p.category,
        price: p.price,
        quantity: 1,
      })),
    });
    const degraded = channel === 'app' && at >= world.degradedWeekStart && at < world.degradedWeekEnd;
    if (random.chance(0.3))
      this.checkoutSurvey(at + 5 * minuteMs, channel, orderId, slowPage || degraded, degraded);
    this.fulfilment.ship(at, orderId, cart);
  }

  private checkoutSurvey(
    at: number,
    channel: 'web' | 'app',
    orderId: string,
    hard: boolean,
    degraded: boolean,
  ): void {
    const { random, customer } = this;
    const ces = random.fromTable(hard ? cesAfterCheckout.hard : cesAfterCheckout.easy, 1);
    const csat = random.fromTable(degraded ? csatAfterCheckout.degraded : csatAfterCheckout.normal, 1);
    const answers: SurveyAnswer[] = [
      { questionId: 'ces', value: ces },
      { questionId: 'csat', value: csat },
    ];
    if (random.chance(0.45)) {
      answers.push({
        questionId: 'comment',
        value: openText(random, customer.locale, 'checkout', sentimentOf(ces, 1, 7), {}),
      });
    }
    this.sink.survey(at, 'checkout', channel, answers, { orderId });
  }

  private storeVisit(at: number): void {
    const { random, sink, customer } = this;
    sink.track(at, 'store', 'Store Visited', { store_id: customer.storeId, city: customer.city });
    if (!random.chance(0.5)) return;
    const product = random.pick(products);
    const orderId = `NL-${customer.index}-${++this.orders}`;
    sink.track(at + 20 * minuteMs, 'store', 'Order Completed', {
      order_id: orderId,
      store_id: customer.storeId,
      revenue: product.price,
      currency: 'EUR',
      products: [
        {
          product_id: product.id,
          name: product.name,
          category: product.category,
          price: product.price,
          quantity: 1,
        },
      ],
    });
  }

  private newsletterVisit(at: number, campaign: string): void {
    this.sink.page(
      at,
      '/angebote',
      'Angebote',
      {},
      `?utm_source=newsletter&utm_medium=email&utm_campaign=${campaign}`,
    );
  }
}

/** All records of customer `index`, in time order. Independent of every other customer (see customerSeed). */
export function customerRecords(world: World, index: number): WorldRecord[] {
  return new Journey(world, index).run();
}
