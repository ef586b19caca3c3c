import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

describe('Segment-compatible ingestion API', () => {
  let t: TestApp;
  let workspaceId: string;
  let writeKey: string;
  let n = 0;
  const id = (prefix: string) => `${prefix}-${++n}`;
  const send = (payload: unknown, url = '/v1/batch', headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: basicAuth(writeKey), ...headers },
      payload: payload as object,
    });
  const lookup = (query: string) =>
    t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/profiles/lookup?${query}`,
      headers: adminHeaders,
    });
  const timeline = async (profileId: string) =>
    (
      await t.app.inject({
        url: `/api/v1/workspaces/${workspaceId}/profiles/${profileId}/timeline?limit=100`,
        headers: adminHeaders,
      })
    ).json().items as {
      event: string | null;
      type: string;
      channel: string;
      context: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    ({ workspaceId, writeKey } = await workspaceWithWriteKey(t.app));
  });
  afterAll(() => t.close());

  it('stores every character of hostile text exactly as sent (quotes, escapes, line breaks, emoji)', async () => {
    const anon = id('anon');
    const hostile = 'a "quoted" \\ back\\slash\nnew line\ttab \u2028 ünïcødé 😀 <script>alert(1)</script>';
    const properties = { text: hostile, nested: { list: [hostile, 1.5, null, true] }, big: 9007199254740991 };
    const res = await send({
      batch: [
        {
          type: 'track',
          anonymousId: anon,
          event: `Clicked ${hostile}`,
          properties,
          context: { page: { url: 'https://shop.example/p?q="x"', title: hostile }, locale: 'de-DE' },
        },
      ],
    });
    expect(res.json()).toMatchObject({ stored: 1, rejected: [] });
    const profile = (await lookup(`anonymousId=${anon}`)).json();
    const [event] = (
      await t.app.inject({
        url: `/api/v1/workspaces/${workspaceId}/profiles/${profile.id}/timeline?limit=10`,
        headers: adminHeaders,
      })
    ).json().items;
    expect(event.event).toBe(`Clicked ${hostile}`);
    expect(event.properties).toEqual(properties);
    expect(event.page).toMatchObject({ url: 'https://shop.example/p?q="x"', title: hostile, path: '/p' });
    expect(event.context.page.title).toBe(hostile);
  });

  it('stores a batch and shows it on the profile found by any identifier', async () => {
    const anon = id('anon');
    const res = await send({
      batch: [
        {
          type: 'page',
          anonymousId: anon,
          name: 'Home',
          context: { page: { url: 'https://shop.example/?utm_source=news&utm_medium=email' } },
        },
        { type: 'track', anonymousId: anon, event: 'Product Viewed', properties: { sku: 'A1' } },
        {
          type: 'identify',
          anonymousId: anon,
          userId: 'user-anna',
          traits: { email: 'Anna@Example.de', plan: 'pro' },
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true, stored: 3, duplicates: 0, rejected: [] });
    const byAnon = (await lookup(`anonymousId=${anon}`)).json();
    expect((await lookup('userId=user-anna')).json().id).toBe(byAnon.id);
    expect((await lookup('email=anna@example.de')).json().id).toBe(byAnon.id);
    expect(byAnon.traits.plan.value).toBe('pro');
    const events = await timeline(byAnon.id);
    expect(events.map((e) => e.type)).toEqual(['identify', 'track', 'page']);
    expect(events[2]?.channel).toBe('web');
  });

  it('pages a timeline without skipping or repeating events that share a timestamp', async () => {
    const at = '2026-02-01T12:00:00.000Z';
    const batch = Array.from({ length: 7 }, (_, i) => ({
      type: 'track',
      userId: 'u-ties',
      event: `Step ${i}`,
      timestamp: at,
    }));
    await send({
      batch: [
        ...batch,
        { type: 'track', userId: 'u-ties', event: 'Earlier', timestamp: '2026-02-01T11:00:00Z' },
      ],
    });
    const profileId = (await lookup('userId=u-ties')).json().id;
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const res = await t.app.inject({
        url: `/api/v1/workspaces/${workspaceId}/profiles/${profileId}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        headers: adminHeaders,
      });
      const body = res.json();
      seen.push(...body.items.map((e: { event: string }) => e.event));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    // Same timestamp: newest arrival first; then the earlier event.
    expect(seen).toEqual(['Step 6', 'Step 5', 'Step 4', 'Step 3', 'Step 2', 'Step 1', 'Step 0', 'Earlier']);
  });

  it('accepts the write key in the body and refuses unknown keys', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/v1/track',
      payload: { writeKey, userId: 'u-body', event: 'Signed Up' },
    });
    expect(ok.statusCode).toBe(200);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/v1/track',
      headers: { authorization: basicAuth('nope') },
      payload: { userId: 'u', event: 'x' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('CAIRN_INVALID_WRITE_KEY');
  });

  it('stores the valid messages of a batch and names the rejected ones by index', async () => {
    const res = await send({
      batch: [
        { type: 'track', userId: 'u-partial', event: 'A' },
        { type: 'track', userId: 'u-partial' },
        { type: 'track', userId: 'u-partial', event: 'C', timestamp: 'soon' },
        { type: 'track', userId: 'u-partial', event: 'D' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.stored).toBe(2);
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2]);
    expect(body.rejected[0]).toMatchObject({ code: 'CAIRN_INVALID_MESSAGE', reason: 'invalid_message' });
    expect(body.rejected[0].message).toContain('event');
    const all = await send({ batch: [{ type: 'track', userId: 'u' }] });
    expect(all.statusCode).toBe(400);
    expect(all.json().error).toMatchObject({ code: 'CAIRN_INVALID_MESSAGE', details: [{ index: 0 }] });
  });

  it('keeps storing after times that lie outside the years 0000 to 9999 once corrected or converted to UTC', async () => {
    const user = id('u-clock');
    const res = await send({
      sentAt: '0001-01-01T00:00:00Z',
      batch: [
        // The device clock says 9999 and the batch left at the year 1: corrected, the event would lie in 12026.
        { type: 'track', userId: user, event: 'Far Future', originalTimestamp: '9999-12-31T23:59:59Z' },
        // Year 10000 once in UTC: refused with a reason, not stored.
        { type: 'track', userId: user, event: 'Offset', timestamp: '9999-12-31T23:59:59-01:00' },
        { type: 'track', userId: user, event: 'Leap Second', timestamp: '2016-12-31T23:59:60Z' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      stored: 2,
      rejected: [{ index: 1, message: 'timestamp must lie between 0000-01-01 and 9999-12-31 (UTC)' }],
    });
    const later = await send({ batch: [{ type: 'track', userId: user, event: 'Later' }] });
    expect(later.json()).toMatchObject({ stored: 1 });
    const profile = (await lookup(`userId=${user}`)).json();
    const events = await timeline(profile.id);
    expect(events.map((e) => e.event).sort()).toEqual(['Far Future', 'Later', 'Leap Second']);
    const timestamps = Object.fromEntries(
      (events as unknown as { event: string; timestamp: string }[]).map((e) => [e.event, e.timestamp]),
    );
    expect(timestamps['Far Future']).toBe('9999-12-31T23:59:59.000Z');
    expect(timestamps['Leap Second']).toBe('2016-12-31T23:59:59.999Z');
  });

  it('stores text cut inside an emoji (a lone surrogate) with U+FFFD in its place, and goes on storing', async () => {
    const cut = 'Laufschuh 😀'.slice(0, -1);
    const user = id(`u-${cut}`);
    const res = await send({
      batch: [
        { type: 'identify', userId: user, traits: { name: cut, [cut]: cut } },
        { type: 'track', userId: user, event: cut, properties: { note: cut, list: [cut] } },
        { type: 'group', userId: user, groupId: cut, traits: { name: cut } },
      ],
    });
    expect(res.json()).toMatchObject({ stored: 3, rejected: [] });
    const replaced = `${cut.slice(0, -1)}\ufffd`;
    const profile = (await lookup(`userId=${encodeURIComponent(user.replace(cut, replaced))}`)).json();
    const [tracked] = (await timeline(profile.id)).filter((e) => e.type === 'track');
    expect(tracked?.event).toBe(replaced);
    expect(JSON.stringify(tracked)).toContain(`"note":"${replaced}"`);
    const later = await send({
      batch: [{ type: 'track', userId: user.replace(cut, replaced), event: 'Later' }],
    });
    expect(later.json()).toMatchObject({ stored: 1 });
  });

  it('ignores a repeated messageId (retries, double sends)', async () => {
    const message = {
      type: 'track',
      userId: 'u-dedupe',
      event: 'Order Completed',
      messageId: id('m'),
      properties: { revenue: 10 },
    };
    expect((await send({ batch: [message, message] })).json()).toMatchObject({ stored: 1, duplicates: 1 });
    expect((await send({ batch: [message] })).json()).toMatchObject({ stored: 0, duplicates: 1 });
    const profile = (await lookup('userId=u-dedupe')).json();
    expect(profile.facts.orders).toBe(1);
  });

  it('accepts gzip bodies and JSON sent as text/plain (sendBeacon)', async () => {
    const gz = await send(
      gzipSync(JSON.stringify({ batch: [{ type: 'track', userId: 'u-gzip', event: 'Zipped' }] })),
      '/v1/batch',
      {
        'content-encoding': 'gzip',
        'content-type': 'application/json',
      },
    );
    expect(gz.statusCode).toBe(200);
    const beacon = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      payload: JSON.stringify({
        writeKey,
        batch: [{ type: 'track', userId: 'u-beacon', event: 'Beaconed' }],
      }),
    });
    expect(beacon.statusCode).toBe(200);
    const broken = await send('{"batch": [', '/v1/batch', { 'content-type': 'text/plain' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('CAIRN_MALFORMED_JSON');
  });

  it('answers 400 over the Segment limits: 32 KB per message, 500 KB per batch', async () => {
    const big = await send(
      { userId: 'u', event: 'x', properties: { blob: 'x'.repeat(40_000) } },
      '/v1/track',
    );
    expect(big.statusCode).toBe(400);
    expect(big.json().error.code).toBe('CAIRN_MESSAGE_TOO_LARGE');
    const batch = Array.from({ length: 30 }, () => ({
      type: 'track',
      userId: 'u',
      event: 'x',
      properties: { blob: 'y'.repeat(20_000) },
    }));
    const huge = await send({ batch });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.code).toBe('CAIRN_BATCH_TOO_LARGE');
  });

  it('tells SDKs whether the workspace requires consent', async () => {
    const ask = () => t.app.inject({ url: `/v1/config?writeKey=${writeKey}` });
    expect((await ask()).json()).toEqual({ requireConsent: false });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspaceId}`,
      headers: adminHeaders,
      payload: { requireConsent: true },
    });
    expect(patched.json().requireConsent).toBe(true);
    expect((await ask()).json()).toEqual({ requireConsent: true });
    expect((await t.app.inject({ url: '/v1/config?writeKey=unknown' })).statusCode).toBe(401);
  });

  it('answers CORS preflights from any origin without credentials', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/batch',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const post = await send({ batch: [{ type: 'track', userId: 'u-cors', event: 'x' }] }, '/v1/batch', {
      origin: 'https://shop.example',
    });
    expect(post.headers['access-control-expose-headers']).toBe('Retry-After');
  });

  it('keeps customers apart on a shared browser and merges a visitor into a known customer', async () => {
    const shared = id('shared');
    await send({
      batch: [
        { type: 'identify', userId: 'anna-2', anonymousId: shared },
        { type: 'identify', userId: 'ben-2', anonymousId: shared },
      ],
    });
    const anna = (await lookup('userId=anna-2')).json();
    const ben = (await lookup('userId=ben-2')).json();
    expect(anna.id).not.toBe(ben.id);

    const laptop = id('laptop');
    await send({ batch: [{ type: 'track', anonymousId: laptop, event: 'Cart Viewed' }] });
    const visitor = (await lookup(`anonymousId=${laptop}`)).json();
    await send({ batch: [{ type: 'identify', userId: 'anna-2', anonymousId: laptop }] });
    const merged = (await lookup('userId=anna-2')).json();
    expect(merged.mergedProfileIds).toContain(visitor.id);
    expect((await timeline(anna.id)).map((e) => e.event)).toContain('Cart Viewed');
    // The old id still leads to the customer.
    const old = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/profiles/${visitor.id}`,
      headers: adminHeaders,
    });
    expect(old.json().id).toBe(anna.id);
  });

  it('gives every event a channel, keeps one timeline across channels and pseudonymises IPs', async () => {
    await send({
      batch: [
        { type: 'page', userId: 'omni', name: 'Checkout', context: { ip: '203.0.113.77' } },
        { type: 'track', userId: 'omni', event: 'Email Link Clicked' },
        {
          type: 'track',
          userId: 'omni',
          event: 'Order Completed',
          context: { channel: 'store' },
          properties: { revenue: 59.9, currency: 'EUR' },
        },
        { type: 'screen', userId: 'omni', name: 'Orders' },
      ],
    });
    const profile = (await lookup('userId=omni')).json();
    expect(profile.facts.channels.map((c: { channel: string }) => c.channel).sort()).toEqual([
      'app',
      'email',
      'store',
      'web',
    ]);
    expect(profile.facts).toMatchObject({ orders: 1, revenue: 59.9, currencies: ['EUR'], eventCount: 4 });
    const page = (await timeline(profile.id)).find((e) => e.type === 'page');
    expect(page?.context.ip).toBe('203.0.113.0');
  });

  it('searches profiles by text and by trait', async () => {
    await send({
      batch: [{ type: 'identify', userId: 'search-me', traits: { city: 'Köln', plan: 'free' } }],
    });
    const byTrait = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/profiles?trait=city:Köln&trait=plan:free`,
      headers: adminHeaders,
    });
    expect(
      byTrait.json().items.map((p: { identities: { value: string }[] }) => p.identities[0]?.value),
    ).toEqual(['search-me']);
    const byText = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/profiles?q=SEARCH-ME`,
      headers: adminHeaders,
    });
    expect(byText.json().items).toHaveLength(1);
    const none = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/profiles?trait=city:Bonn`,
      headers: adminHeaders,
    });
    expect(none.json().items).toEqual([]);
  });

  it('imports business events with an API token through the same pipeline', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/events/import`,
      headers: adminHeaders,
      payload: {
        batch: [
          {
            type: 'track',
            userId: 'u-import',
            event: 'Ticket Closed',
            timestamp: '2026-01-05T10:00:00Z',
            context: { channel: 'phone' },
          },
          { type: 'track' },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stored: 1, rejected: [{ index: 1 }] });
    const events = await timeline((await lookup('userId=u-import')).json().id);
    expect(events[0]).toMatchObject({ event: 'Ticket Closed', channel: 'phone' });
  });
});

describe('ingestion under overload and after a restart', () => {
  it('answers 503 with Retry-After instead of buffering without bound', async () => {
    const t = await startTestApp({ CAIRN_INGEST_MAX_PENDING: '100' });
    try {
      const { writeKey } = await workspaceWithWriteKey(t.app);
      const batch = Array.from({ length: 150 }, (_, i) => ({ type: 'track', userId: `u${i}`, event: 'x' }));
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/batch',
        headers: { authorization: basicAuth(writeKey) },
        payload: { batch },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json().error.code).toBe('CAIRN_OVERLOADED');
    } finally {
      await t.close();
    }
  });

  it('remembers messageIds across a restart', async () => {
    const t = await startTestApp();
    try {
      const { writeKey } = await workspaceWithWriteKey(t.app);
      const message = { type: 'track', userId: 'u', event: 'x', messageId: 'restart-1' };
      const post = (app: typeof t.app) =>
        app.inject({
          method: 'POST',
          url: '/v1/batch',
          headers: { authorization: basicAuth(writeKey) },
          payload: { batch: [message] },
        });
      expect((await post(t.app)).json().stored).toBe(1);
      const { buildApp } = await import('../app.js');
      const second = await buildApp({ config: t.config, store: t.store, logger: false });
      expect((await post(second)).json()).toMatchObject({ stored: 0, duplicates: 1 });
      await second.close();
    } finally {
      await t.close();
    }
  });

  it('keeps a returning visitor on their profile after a restart, whatever characters their ids hold', async () => {
    const t = await startTestApp();
    try {
      const { workspaceId, writeKey } = await workspaceWithWriteKey(t.app);
      const ids = [
        'plain',
        'quote " and \\ backslash',
        'tab\tnull\u0000end',
        'ünïcødé ✓',
        'comma, [bracket]',
      ];
      const post = (app: typeof t.app, suffix: string) =>
        app.inject({
          method: 'POST',
          url: '/v1/batch',
          headers: { authorization: basicAuth(writeKey) },
          payload: {
            batch: ids.flatMap((id) => [
              { type: 'track', userId: id, event: `Visit ${suffix}` },
              { type: 'track', anonymousId: `a-${id}`, event: `Visit ${suffix}` },
            ]),
          },
        });
      expect((await post(t.app, 'one')).json().stored).toBe(ids.length * 2);
      const { buildApp } = await import('../app.js');
      const second = await buildApp({ config: t.config, store: t.store, logger: false });
      await second.ready();
      const again = await post(second, 'two');
      expect(again.statusCode).toBe(200);
      expect(again.json().stored).toBe(ids.length * 2);
      await second.close();
      for (const id of ids) {
        for (const [kind, value] of [
          ['user_id', id],
          ['anonymous_id', `a-${id}`],
        ] as const) {
          const profile = await t.store.profiles.findByIdentity(workspaceId, kind, value);
          const timeline = await t.store.profiles.timeline(workspaceId, [profile as string], { limit: 10 });
          expect(timeline.items.map((e) => e.event).sort()).toEqual(['Visit one', 'Visit two']);
        }
      }
    } finally {
      await t.close();
    }
  });
});
