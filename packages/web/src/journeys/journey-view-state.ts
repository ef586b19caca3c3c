import type { AnalyticsQuery } from '../api/analytics';

/**
 * The Journeys screen keeps everything a person chose in the query string, so a funnel or a paths view can be
 * shared as a link: ?view=funnel&step=e:Product%20Viewed&step=t:<touchpoint id>&window=86400&by=channel.
 * Global filter keys (from, to, channel, touchpoint, segment) are left alone; these keys do not collide with them.
 */
export const journeyViews = ['map', 'funnel', 'paths', 'channels', 'moments'] as const;
export type JourneyView = (typeof journeyViews)[number];

export type FunnelStep = { kind: 'event'; event: string } | { kind: 'touchpoint'; touchpointId: string };

/** Conversion windows offered in the builder, in seconds (server limit: 90 days). */
export const funnelWindows = [3_600, 86_400, 7 * 86_400, 30 * 86_400] as const;
export const maxFunnelSteps = 10;
export const minFunnelSteps = 2;
const maxWindowSeconds = 90 * 86_400;

export interface JourneyViewState {
  view: JourneyView;
  steps: FunnelStep[];
  windowSeconds: number;
  /** `channel` or `property.<name>`; empty for none. */
  breakdown: string;
  pathDirection: 'from' | 'to';
  pathStep: string;
  pathDepth: number;
  journeyId: string;
  outcome: 'conversion' | 'churn';
}

const breakdownPattern = /^(channel|property\.[A-Za-z0-9_ -]{1,100})$/;
const idPattern = /^[0-9a-fA-F-]{8,64}$/;

function parseStep(text: string): FunnelStep | null {
  if (text.startsWith('e:') && text.length > 2 && text.length <= 202)
    return { kind: 'event', event: text.slice(2) };
  if (text.startsWith('t:') && idPattern.test(text.slice(2)))
    return { kind: 'touchpoint', touchpointId: text.slice(2) };
  return null;
}

const stepText = (step: FunnelStep) => (step.kind === 'event' ? `e:${step.event}` : `t:${step.touchpointId}`);

function integerIn(text: string | null, min: number, max: number, fallback: number): number {
  const value = Number(text);
  return text !== null && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

/** Reads the state from a query string; anything a hand-edited link got wrong falls back to its default. */
export function parseJourneyView(search: string): JourneyViewState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const breakdown = params.get('by') ?? '';
  const journeyId = params.get('journey') ?? '';
  return {
    view: (journeyViews as readonly (string | null)[]).includes(view) ? (view as JourneyView) : 'map',
    steps: params
      .getAll('step')
      .map(parseStep)
      .filter((step): step is FunnelStep => step !== null)
      .slice(0, maxFunnelSteps),
    windowSeconds: integerIn(params.get('window'), 1, maxWindowSeconds, 86_400),
    breakdown: breakdownPattern.test(breakdown) ? breakdown : '',
    pathDirection: params.get('dir') === 'to' ? 'to' : 'from',
    pathStep: (params.get('pathStep') ?? '').slice(0, 200),
    pathDepth: integerIn(params.get('depth'), 2, 10, 3),
    journeyId: idPattern.test(journeyId) ? journeyId : '',
    outcome: params.get('outcome') === 'churn' ? 'churn' : 'conversion',
  };
}

/** Writes the state into `params` (a copy of the current query string, so global filters stay) and returns it. */
export function writeJourneyView(state: JourneyViewState, current: string): URLSearchParams {
  const params = new URLSearchParams(current);
  for (const key of ['view', 'step', 'window', 'by', 'dir', 'pathStep', 'depth', 'journey', 'outcome']) {
    params.delete(key);
  }
  params.set('view', state.view);
  for (const step of state.steps) params.append('step', stepText(step));
  if (state.windowSeconds !== 86_400) params.set('window', String(state.windowSeconds));
  if (state.breakdown) params.set('by', state.breakdown);
  if (state.pathDirection !== 'from') params.set('dir', state.pathDirection);
  if (state.pathStep) params.set('pathStep', state.pathStep);
  if (state.pathDepth !== 3) params.set('depth', String(state.pathDepth));
  if (state.journeyId) params.set('journey', state.journeyId);
  if (state.outcome !== 'conversion') params.set('outcome', state.outcome);
  return params;
}

type Scope = Pick<AnalyticsQuery, 'timeRange' | 'filters'>;

/** The engine's funnel query for the chosen steps, or null while fewer than two steps are chosen. */
export function funnelQuery(state: JourneyViewState, scope: Scope): AnalyticsQuery | null {
  if (state.steps.length < minFunnelSteps) return null;
  return {
    kind: 'funnel',
    ...scope,
    steps: state.steps.map((step) =>
      step.kind === 'event' ? { event: step.event } : { touchpoint: step.touchpointId },
    ),
    windowSeconds: state.windowSeconds,
    ...(state.breakdown ? { breakdown: state.breakdown } : {}),
  };
}

/** The engine's paths query, or null until a step to start from (or end at) is chosen. */
export function pathsQuery(state: JourneyViewState, scope: Scope): AnalyticsQuery | null {
  if (state.pathStep.trim() === '') return null;
  return {
    kind: 'paths',
    ...scope,
    direction: state.pathDirection,
    step: state.pathStep.trim(),
    depth: state.pathDepth,
    top: 10,
  };
}
