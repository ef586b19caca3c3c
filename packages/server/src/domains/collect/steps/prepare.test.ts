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
  requestKey: 'req-1',
};

describe('prepare step', () => {
  it('fills page, campaign, device and IP from the context and the request', () => {
    const { message: prepared, columns: encoded } = prepareMessage(
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
      0,
      facts,
    );
    const columns = JSON.parse(encoded);
    expect(columns).toMatchObject({
      page_url: expect.stringContaining('/p/laufschuh'),
      page_path: '/p/laufschuh',
      utm_source: 'newsletter',
      utm_medium: 'email',
      utm_campaign: 'spring',
      browser: 'Chrome',
      os: 'Linux',
      device: 'desktop',
      ip: '198.51.100.0',
      channel: 'web',
      occurred_at: '2026-05-04T08:00:00.000Z',
      received_at: '2026-05-04T08:00:00.000Z',
    });
    expect(columns.context.library).toEqual({ name: 'cairn.js' });
    expect(prepared.pageUrl).toBe(columns.page_url);
    expect(prepared.channel).toBe('web');
    expect(prepared.timestamp).toBe('2026-05-04T08:00:00.000Z');
  });

  it('prefers explicit campaign fields and survives a malformed URL', () => {
    const { message: prepared, columns: encoded } = prepareMessage(
      {
        type: 'track',
        userId: 'u',
        event: 'Clicked',
        context: { page: { url: 'not a url' }, campaign: { source: 'ads' } },
      },
      3,
      facts,
    );
    const columns = JSON.parse(encoded);
    expect(columns.utm_source).toBe('ads');
    expect(columns.page_path).toBeNull();
    // Without a messageId the message is named by its request and position, so a journal replay names it alike.
    expect(prepared.messageId).toBe('req-1:3');
  });
});
