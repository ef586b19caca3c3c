import { describe, expect, it } from 'vitest';
import { prepareMessage } from './prepare.js';

const facts = {
  workspaceId: 'w1',
  receivedAt: new Date('2026-05-04T08:00:00Z'),
  requestIp: '198.51.100.23',
  requestUserAgent: null,
  batchSentAt: undefined,
  batchContext: { library: { name: 'cairn.js' } },
  ipMode: 'truncate' as const,
};

describe('prepare step', () => {
  it('fills page, campaign, device and IP from the context and the request', () => {
    const prepared = prepareMessage(
      {
        type: 'page',
        anonymousId: 'a1',
        name: 'Product',
        context: {
          page: {
            url: 'https://shop.example.de/p/laufschuh?utm_source=newsletter&utm_medium=email&utm_campaign=spring',
          },
          userAgent:
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
        },
      },
      facts,
    );
    expect(prepared.page).toMatchObject({
      url: expect.stringContaining('/p/laufschuh'),
      path: '/p/laufschuh',
    });
    expect(prepared.campaign).toEqual({ source: 'newsletter', medium: 'email', name: 'spring' });
    expect(prepared.userAgent).toEqual({ browser: 'Chrome', os: 'Linux', device: 'desktop' });
    expect(prepared.ip).toBe('198.51.100.0');
    expect(prepared.channel).toBe('web');
    expect(prepared.context.library).toEqual({ name: 'cairn.js' });
    expect(prepared.timestamp).toBe('2026-05-04T08:00:00.000Z');
  });

  it('prefers explicit campaign fields and survives a malformed URL', () => {
    const prepared = prepareMessage(
      {
        type: 'track',
        userId: 'u',
        event: 'Clicked',
        context: { page: { url: 'not a url' }, campaign: { source: 'ads' } },
      },
      facts,
    );
    expect(prepared.campaign.source).toBe('ads');
    expect(prepared.page.path).toBeNull();
    expect(typeof prepared.messageId).toBe('string');
  });
});
