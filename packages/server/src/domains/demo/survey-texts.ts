import type { Random } from './prng.js';

/**
 * Open-text answers built from hand-written templates (no external data): an opener, a body chosen by topic and
 * sentiment, and sometimes a closer, with slots for the product and the delay. Text analytics needs both languages,
 * varied wording, and the reasons the planted effects imply (late parcels, slow checkout, unhelpful support).
 */

export type TextTopic = 'delivery' | 'support' | 'checkout' | 'relationship';
export type Sentiment = 'negative' | 'neutral' | 'positive';
type Locale = 'de' | 'en';
type Templates = Record<TextTopic, Record<Sentiment, readonly string[]>>;

const de: Templates = {
  delivery: {
    negative: [
      'Die Lieferung kam {days} Tage zu spät, ohne jede Info.',
      'Paket war verspätet und der Karton beschädigt.',
      'Ich habe {days} Tage länger auf {product} gewartet als angekündigt. Sehr ärgerlich.',
      'Sendungsverfolgung zeigte tagelang nichts an.',
    ],
    neutral: ['Lieferung ok, aber die Verpackung war viel zu groß.', 'Kam an, {product} passt soweit.'],
    positive: [
      'Super schnelle Lieferung, {product} ist top!',
      'Pünktlich geliefert, alles bestens verpackt.',
      'Schon am nächsten Tag da, sehr zufrieden.',
    ],
  },
  support: {
    negative: [
      'Der Kundenservice hat mir nicht weitergeholfen.',
      'Dreimal angerufen, jedes Mal eine andere Auskunft.',
      'Im Chat wurde ich einfach abgewimmelt.',
      'Meine Erstattung ist immer noch nicht da.',
    ],
    neutral: ['Problem wurde gelöst, hat aber lange gedauert.', 'Freundlich, aber umständlich.'],
    positive: [
      'Sehr freundliche und kompetente Beratung!',
      'Problem in wenigen Minuten gelöst, danke!',
      'Der Chat war schnell und hilfreich.',
    ],
  },
  checkout: {
    negative: [
      'Die Kasse lädt ewig, fast hätte ich abgebrochen.',
      'In der App hing die Zahlung mehrmals.',
      'Bezahlen mit PayPal hat nicht funktioniert.',
      'Gutscheincode wurde nicht angenommen.',
    ],
    neutral: ['Ging, aber zu viele Schritte.', 'Adresseingabe etwas umständlich.'],
    positive: ['Bestellung ging schnell und einfach.', 'Bezahlen in der App war super easy.'],
  },
  relationship: {
    negative: [
      'Lieferungen sind zu oft verspätet.',
      'Der Service ist schlechter geworden.',
      'Preise okay, aber auf den Service kann man sich nicht verlassen.',
    ],
    neutral: [
      'Gute Auswahl, Preise könnten besser sein.',
      'Im Laden gut beraten, online eher durchschnittlich.',
    ],
    positive: [
      'Tolle Auswahl und super Beratung im Laden in {city}.',
      'Mein Lieblingsladen für Outdoor-Sachen!',
      'Qualität stimmt, Lieferung schnell, gerne wieder.',
    ],
  },
};

const en: Templates = {
  delivery: {
    negative: [
      'The parcel arrived {days} days late with no update.',
      'Delivery was late and the box was damaged.',
      'Waited {days} extra days for {product}. Very annoying.',
      'Tracking showed nothing for days.',
    ],
    neutral: ['Delivery fine, but the packaging was far too big.', 'Arrived, {product} fits so far.'],
    positive: [
      'Super fast delivery, {product} is great!',
      'Arrived on time and well packed.',
      'Came the next day, very happy.',
    ],
  },
  support: {
    negative: [
      'Customer service did not help me at all.',
      'Called three times and got three different answers.',
      'The chat agent just brushed me off.',
      'Still waiting for my refund.',
    ],
    neutral: ['Issue solved, but it took a long time.', 'Friendly, but cumbersome.'],
    positive: [
      'Very friendly and knowledgeable advice!',
      'Problem solved in minutes, thank you!',
      'The chat was quick and helpful.',
    ],
  },
  checkout: {
    negative: [
      'Checkout takes forever to load, nearly gave up.',
      'Payment in the app froze several times.',
      'Paying with PayPal did not work.',
      'My voucher code was rejected.',
    ],
    neutral: ['Worked, but too many steps.', 'Entering the address was a bit clumsy.'],
    positive: ['Ordering was quick and easy.', 'Paying in the app was super easy.'],
  },
  relationship: {
    negative: [
      'Deliveries are late far too often.',
      'Service has got worse.',
      'Prices are fine, but you cannot rely on the service.',
    ],
    neutral: ['Good range, prices could be better.', 'Great advice in store, online is average.'],
    positive: [
      'Great range and excellent advice in the {city} store.',
      'My favourite shop for outdoor gear!',
      'Good quality, fast delivery, will buy again.',
    ],
  },
};

const openers: Record<Locale, readonly string[]> = {
  de: ['', '', 'Ehrlich gesagt: ', 'Hm. ', 'Also '],
  en: ['', '', 'Honestly, ', 'Well, ', 'To be fair, '],
};
const closers: Record<Locale, Record<Sentiment, readonly string[]>> = {
  de: {
    negative: ['', ' So nicht.', ' Bitte verbessern!'],
    neutral: ['', ' Passt schon.'],
    positive: ['', ' Weiter so!', ' 👍'],
  },
  en: {
    negative: ['', ' Not good enough.', ' Please fix this!'],
    neutral: ['', ' It is ok.'],
    positive: ['', ' Keep it up!', ' 👍'],
  },
};

export interface TextSlots {
  product?: string;
  days?: number;
  city?: string;
}

export function openText(
  random: Random,
  locale: Locale,
  topic: TextTopic,
  sentiment: Sentiment,
  slots: TextSlots,
): string {
  const body = random.pick((locale === 'de' ? de : en)[topic][sentiment]);
  const filled = body
    .replace('{product}', slots.product ?? (locale === 'de' ? 'die Bestellung' : 'the order'))
    .replace('{days}', String(slots.days ?? 2))
    .replace('{city}', slots.city ?? 'Hamburg');
  const opener = random.pick(openers[locale]);
  // German capitalises nouns, so only English bodies are lower-cased after an opener (and never "I").
  const lower = locale === 'en' && opener && !opener.endsWith('. ') && !filled.startsWith('I ');
  const text = opener + (lower ? filled.charAt(0).toLowerCase() + filled.slice(1) : filled);
  return text + random.pick(closers[locale][sentiment]);
}

/** Sentiment implied by a score on a scale from `min` to `max`: bottom 40 % negative, top 30 % positive. */
export function sentimentOf(score: number, min: number, max: number): Sentiment {
  const position = (score - min) / (max - min);
  if (position < 0.4) return 'negative';
  return position >= 0.7 ? 'positive' : 'neutral';
}
