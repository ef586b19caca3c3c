import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, nodeName } from './journey-format';
import { funnelQuery, parseJourneyView, pathsQuery, writeJourneyView } from './journey-view-state';

const scope = { timeRange: { last: '30d' as const } };
const touchpointId = '0190a1b2-0000-7000-8000-000000000001';

describe('journey view state in the query string', () => {
  it('round-trips a funnel with event and touchpoint steps and keeps the global filters', () => {
    const state = parseJourneyView('');
    state.view = 'funnel';
    state.steps = [
      { kind: 'event', event: 'Product Viewed' },
      { kind: 'touchpoint', touchpointId },
    ];
    state.windowSeconds = 3600;
    state.breakdown = 'channel';
    const params = writeJourneyView(state, '?channel=web&view=map&step=e:old');
    expect(params.get('channel')).toBe('web');
    expect(params.getAll('step')).toEqual(['e:Product Viewed', `t:${touchpointId}`]);
    expect(parseJourneyView(params.toString())).toEqual(state);
  });

  it('falls back to defaults for anything a hand-edited link got wrong', () => {
    const state = parseJourneyView(
      '?view=nope&step=x:1&step=t:not-an-id!&window=-5&by=trait.x&depth=99&dir=up',
    );
    expect(state).toMatchObject({
      view: 'map',
      steps: [],
      windowSeconds: 86_400,
      breakdown: '',
      pathDepth: 3,
      pathDirection: 'from',
    });
  });

  it('asks the engine for a funnel only with at least two steps', () => {
    const one = parseJourneyView('?step=e:A');
    expect(funnelQuery(one, scope)).toBeNull();
    const two = parseJourneyView(`?step=e:A&step=t:${touchpointId}&by=property.plan&window=600`);
    expect(funnelQuery(two, scope)).toEqual({
      kind: 'funnel',
      timeRange: { last: '30d' },
      steps: [{ event: 'A' }, { touchpoint: touchpointId }],
      windowSeconds: 600,
      breakdown: 'property.plan',
    });
  });

  it('asks for paths only once a step is chosen', () => {
    expect(pathsQuery(parseJourneyView('?view=paths'), scope)).toBeNull();
    expect(pathsQuery(parseJourneyView('?pathStep=Home&dir=to&depth=4'), scope)).toEqual({
      kind: 'paths',
      timeRange: { last: '30d' },
      direction: 'to',
      step: 'Home',
      depth: 4,
      top: 10,
    });
  });
});

describe('journey formatting', () => {
  it('formats percentages, durations and node names', () => {
    expect(formatPercent(66.666, 'en')).toBe('66.7 %');
    expect(formatPercent(null, 'en')).toBe('–');
    expect(formatDuration(90, 'en')).toBe('1.5 min');
    expect(formatDuration(2 * 86_400, 'en')).toBe('2 days');
    expect(nodeName('2:Checkout: step')).toBe('Checkout: step');
  });
});
