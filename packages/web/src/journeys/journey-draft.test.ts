import { describe, expect, it } from 'vitest';
import { journeyInputOf, stageKey } from './journey-draft';

describe('journey drafts', () => {
  it('derives stage keys the server accepts, unique within the journey', () => {
    const taken = new Set<string>();
    expect(stageKey('Kaufabschluss & Zahlung', 0, taken)).toBe('kaufabschluss-zahlung');
    expect(stageKey('Überlegen', 1, taken)).toBe('uberlegen');
    expect(stageKey('<script>', 2, taken)).toBe('script');
    expect(stageKey('!!!', 3, taken)).toBe('stage-4');
    expect(stageKey('Discover', 4, new Set(['discover']))).toBe('discover-5');
  });

  it('turns the editor fields into the API body', () => {
    const input = journeyInputOf(' Online purchase ', '', [
      { name: 'Discover', events: 'Product Viewed, , Product Added ', touchpointIds: [] },
      { name: 'Discover', events: '', touchpointIds: ['0190a1b2-0000-7000-8000-000000000001'] },
    ]);
    expect(input).toEqual({
      name: 'Online purchase',
      description: '',
      stages: [
        { key: 'discover', name: 'Discover', touchpointIds: [], events: ['Product Viewed', 'Product Added'] },
        {
          key: 'discover-2',
          name: 'Discover',
          touchpointIds: ['0190a1b2-0000-7000-8000-000000000001'],
          events: [],
        },
      ],
    });
  });
});
