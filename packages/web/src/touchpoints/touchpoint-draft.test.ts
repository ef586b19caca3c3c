import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http-client';
import { draftOf, inputOf, issuesByField, parseProperties } from './touchpoint-draft';
import { describeRule } from './touchpoint-format';
import type { Touchpoint } from './touchpoints-api';

const stored: Touchpoint = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  name: 'Checkout',
  channel: 'web',
  stage: 'Purchase',
  ownerTeam: null,
  description: '',
  rules: [
    { event: 'Order Completed', properties: [{ name: 'plan', value: 'a=b' }] },
    { urlPattern: '/checkout/*' },
  ],
  position: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('touchpoint drafts', () => {
  it('round-trips a stored touchpoint through the form without changing it', () => {
    const { id: _id, position: _p, createdAt: _c, updatedAt: _u, ...input } = stored;
    expect(inputOf(draftOf(stored))).toEqual(input);
  });

  it('drops empty parts and blank optional fields instead of sending empty strings', () => {
    const draft = draftOf(null);
    draft.name = '  Support chat ';
    draft.stage = '   ';
    draft.rules = [{ event: ' ', urlPattern: '', properties: '\n' }];
    expect(inputOf(draft)).toEqual({
      name: 'Support chat',
      channel: 'web',
      stage: null,
      ownerTeam: null,
      description: '',
      rules: [{}],
    });
  });

  it('splits property lines at the first equals sign', () => {
    expect(parseProperties('plan = pro\nquery=a=b\nflag')).toEqual([
      { name: 'plan', value: 'pro' },
      { name: 'query', value: 'a=b' },
      { name: 'flag', value: '' },
    ]);
  });

  it('maps the server field issues to form fields', () => {
    const error = new ApiError(400, 'CAIRN_VALIDATION_FAILED', 'x', [
      { field: 'body.rules.0', message: 'must give event or urlPattern' },
      { field: 'body.name', message: 'must NOT have fewer than 1 characters' },
      { nonsense: true },
    ]);
    const issues = issuesByField(error);
    expect(issues.get('rules.0')).toBe('must give event or urlPattern');
    expect(issues.get('name')).toMatch(/fewer/);
    expect(issues.size).toBe(2);
    expect(issuesByField(new Error('offline')).size).toBe(0);
  });

  it('describes a rule in one line of text', () => {
    expect(
      describeRule({ event: '<img src=x>', urlPattern: '/a/*', properties: [{ name: 'p', value: '1' }] }),
    ).toBe('<img src=x> · /a/* · p=1');
  });
});
