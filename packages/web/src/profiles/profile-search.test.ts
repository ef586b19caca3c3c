import { describe, expect, it } from 'vitest';
import { displayName, parseProfileSearch, serialiseProfileSearch, valueText } from './profile-search';
import { searchRequestPath } from './profiles-api';

const ws = 'ws-1';

describe('profile search in the URL', () => {
  it('round-trips every mode', () => {
    for (const search of [
      { by: 'text', q: 'Berlin' },
      { by: 'trait', q: 'plan:pro' },
      { by: 'email', q: 'ada@example.com' },
      { by: 'external', q: 'C-17', externalType: 'crm' },
    ] as const) {
      expect(parseProfileSearch(serialiseProfileSearch(search))).toEqual(search);
    }
  });

  it('has no search without a query, and refuses what the server would refuse', () => {
    expect(parseProfileSearch('')).toBeUndefined();
    expect(parseProfileSearch('?by=email&q=%20')).toBeUndefined();
    expect(parseProfileSearch('?by=trait&q=no-colon')).toBeUndefined();
    expect(parseProfileSearch('?by=external&q=C-17&type=a%20b')).toBeUndefined();
    expect(parseProfileSearch('?by=nonsense&q=x')).toEqual({ by: 'text', q: 'x' });
  });
});

describe('the request a search makes', () => {
  it('looks up one identifier, searches text and traits with pages', () => {
    expect(searchRequestPath(ws, { by: 'userId', q: 'u 1' })).toBe(
      '/workspaces/ws-1/profiles/lookup?userId=u+1',
    );
    expect(searchRequestPath(ws, { by: 'external', q: 'C-17', externalType: 'crm' })).toBe(
      '/workspaces/ws-1/profiles/lookup?externalId=C-17&externalType=crm',
    );
    expect(searchRequestPath(ws, { by: 'text', q: 'Ber&lin' }, 'c2')).toBe(
      '/workspaces/ws-1/profiles?q=Ber%26lin&limit=25&cursor=c2',
    );
    expect(searchRequestPath(ws, { by: 'trait', q: 'plan:pro' })).toBe(
      '/workspaces/ws-1/profiles?trait=plan%3Apro&limit=25',
    );
  });
});

describe('showing a profile', () => {
  const at = '2026-01-01T00:00:00Z';
  it('names a customer by name, then e-mail, then ids', () => {
    const identities = [{ kind: 'user_id', value: 'u-1', createdAt: at }];
    expect(displayName({ id: 'p', traits: { name: { value: 'Ada', observedAt: at } }, identities })).toBe(
      'Ada',
    );
    expect(
      displayName({
        id: 'p',
        traits: { firstName: { value: 'Ada', observedAt: at }, lastName: { value: 'L', observedAt: at } },
        identities,
      }),
    ).toBe('Ada L');
    expect(displayName({ id: 'p', traits: { email: { value: 'a@x.de', observedAt: at } }, identities })).toBe(
      'a@x.de',
    );
    expect(displayName({ id: 'p', traits: {}, identities })).toBe('u-1');
    expect(displayName({ id: 'p', traits: { name: { value: 42, observedAt: at } }, identities: [] })).toBe(
      'p',
    );
  });

  it('writes values as text', () => {
    expect(valueText({ a: [1] })).toBe('{"a":[1]}');
    expect(valueText(null)).toBe('–');
    expect(valueText(false)).toBe('false');
  });
});
