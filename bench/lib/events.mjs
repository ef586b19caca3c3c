// Realistic ~500-byte Segment track events. Bodies are assembled from prebuilt fragments so the load generator
// spends its CPU on sending, not on building JSON.
const userAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
];

function eventTemplate(i) {
  return JSON.stringify({
    type: 'track',
    messageId: '__ID__',
    anonymousId: `anon-__VISITORS__-${i % 40}`,
    event: i % 7 === 0 ? 'Product Added' : 'Product Viewed',
    properties: {
      product_id: `SKU-${1000 + i}`,
      name: `Laufschuh Modell ${i}`,
      category: 'Schuhe',
      price: 89.95,
      currency: 'EUR',
    },
    context: {
      page: {
        url: `https://shop.example.de/p/sku-${1000 + i}?utm_source=newsletter`,
        path: `/p/sku-${1000 + i}`,
        title: 'Laufschuh',
      },
      userAgent: userAgents[i % userAgents.length],
      locale: 'de-DE',
      library: { name: 'cairn.js', version: '0.1.0' },
    },
    originalTimestamp: '__TS__',
  });
}

/**
 * Returns a function producing a fresh batch body with unique messageIds on every call. The events come from 40
 * visitors: the same 40 throughout, or with `freshVisitors` 40 new ones in every batch (a site with many
 * first-time visitors, whose identities are not known yet).
 */
export function batchMaker(eventsPerBatch, runId, { freshVisitors = false } = {}) {
  // The same visitors throughout are written into the templates once; new ones into every batch.
  const templates = Array.from({ length: eventsPerBatch }, (_, i) =>
    freshVisitors ? eventTemplate(i) : eventTemplate(i).replace('__VISITORS__', runId),
  );
  let counter = 0;
  return () => {
    const prefix = `${runId}-${counter++}-`;
    const ts = new Date().toISOString();
    const parts = templates.map((t, i) => {
      const body = t.replace('__ID__', prefix + i).replace('__TS__', ts);
      return freshVisitors ? body.replace('__VISITORS__', prefix) : body;
    });
    return `{"sentAt":"${ts}","batch":[${parts.join(',')}]}`;
  };
}

export function singleMaker(runId) {
  const make = batchMaker(1, runId);
  return () => {
    const body = make();
    return body.slice(body.indexOf('[') + 1, body.lastIndexOf(']'));
  };
}
