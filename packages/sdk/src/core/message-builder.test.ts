import { describe, expect, it } from 'vitest';
import type { MessageContext } from '../wire.js';
import { buildMessage, type Identity } from './message-builder.js';

const context: MessageContext = {
  library: { name: 'cairn.js', version: '0.1.0' },
  channel: 'web',
  page: {
    url: 'https://shop.example.de/checkout?utm_source=mail',
    path: '/checkout',
    referrer: 'https://www.example.de/',
    title: 'Kasse',
    search: '?utm_source=mail',
  },
  userAgent: 'test-agent',
  locale: 'de-DE',
  timezone: 'Europe/Berlin',
  screen: { width: 1280, height: 720, density: 2 },
  campaign: { source: 'mail' },
};
const env = {
  messageId: '6f1b7c1e-8d7e-4c1a-9a43-1d2f3e4a5b6c',
  now: new Date('2026-03-29T00:59:59.123Z'),
  context,
};
const anonymous: Identity = { anonymousId: 'anon-1' };
const known: Identity = { anonymousId: 'anon-1', userId: 'user-7' };

describe('buildMessage', () => {
  it('adds the Segment common fields to every type', () => {
    const message = buildMessage({ type: 'track', event: 'Order Completed', properties: {} }, known, env);
    expect(message).toMatchObject({
      messageId: env.messageId,
      anonymousId: 'anon-1',
      userId: 'user-7',
      originalTimestamp: '2026-03-29T00:59:59.123Z',
      context,
    });
  });

  it('leaves userId out while the visitor is anonymous', () => {
    const message = buildMessage({ type: 'track', event: 'Viewed', properties: {} }, anonymous, env);
    expect(message).not.toHaveProperty('userId');
  });

  it('track: event and properties', () => {
    const message = buildMessage(
      { type: 'track', event: 'Order Completed', properties: { revenue: 42 } },
      known,
      env,
    );
    expect(message).toMatchObject({ type: 'track', event: 'Order Completed', properties: { revenue: 42 } });
  });

  it('page: name and the spec page properties, which the caller may override', () => {
    const message = buildMessage(
      { type: 'page', name: 'Checkout', properties: { title: 'Custom' } },
      anonymous,
      env,
    );
    expect(message).toMatchObject({
      type: 'page',
      name: 'Checkout',
      properties: {
        name: 'Checkout',
        url: context.page.url,
        path: '/checkout',
        referrer: 'https://www.example.de/',
        search: '?utm_source=mail',
        title: 'Custom',
      },
    });
  });

  it('page without a name has no name field', () => {
    const message = buildMessage({ type: 'page', properties: {} }, anonymous, env);
    expect(message).not.toHaveProperty('name');
    expect(message.type === 'page' && message.properties).not.toHaveProperty('name');
  });

  it('identify: traits', () => {
    const message = buildMessage({ type: 'identify', traits: { email: 'a@example.de' } }, known, env);
    expect(message).toMatchObject({ type: 'identify', userId: 'user-7', traits: { email: 'a@example.de' } });
  });

  it('group: groupId and traits', () => {
    const message = buildMessage({ type: 'group', groupId: 'acme', traits: { plan: 'pro' } }, known, env);
    expect(message).toMatchObject({ type: 'group', groupId: 'acme', traits: { plan: 'pro' } });
  });

  it('alias: the new userId and the previousId it replaces', () => {
    const message = buildMessage({ type: 'alias', userId: 'user-8', previousId: 'user-7' }, known, env);
    expect(message).toMatchObject({
      type: 'alias',
      userId: 'user-8',
      previousId: 'user-7',
      anonymousId: 'anon-1',
    });
  });
});
