import { ClsAccumulator, type LayoutShiftSample } from './cls.js';
import { InpAccumulator, type InteractionSample } from './inp.js';
import type { WebVitalsMeter } from './types.js';

/** Navigation Timing Level 2 + prerendering's activationStart (not yet in TypeScript's DOM library). */
type NavigationEntry = PerformanceNavigationTiming & { activationStart?: number };
/** Layout Instability API and Event Timing's interactionId are not in TypeScript's DOM library either. */
type LayoutShiftEntry = PerformanceEntry & LayoutShiftSample;
type EventTimingEntry = PerformanceEntry & InteractionSample;

type ObserveOptions = PerformanceObserverInit & { durationThreshold?: number };

/** Returns a function that drains records not yet delivered to the callback, or undefined if unsupported. */
function observe(
  type: string,
  onEntries: (entries: PerformanceEntryList) => void,
  options: ObserveOptions = {},
): (() => void) | undefined {
  if (!PerformanceObserver.supportedEntryTypes?.includes(type)) return undefined;
  try {
    const observer = new PerformanceObserver((list) => onEntries(list.getEntries()));
    // `buffered` replays entries recorded before this (lazily loaded) code ran.
    observer.observe({ type, buffered: true, ...options });
    return () => onEntries(observer.takeRecords());
  } catch {
    return undefined;
  }
}

const roundMs = (value: number | null): number | null => (value === null ? null : Math.round(value));

export function startWebVitals(): WebVitalsMeter {
  const navigation = performance.getEntriesByType('navigation')[0] as NavigationEntry | undefined;
  // For prerendered pages, the user's wait starts at activation, not at navigation start (web.dev/articles/ttfb).
  const activationStart = navigation?.activationStart ?? 0;
  // TTFB = responseStart of the navigation (https://web.dev/articles/ttfb), measured from activation.
  const ttfb =
    navigation && navigation.responseStart > 0
      ? Math.max(navigation.responseStart - activationStart, 0)
      : null;

  let lcp: number | null = null;
  const cls = new ClsAccumulator();
  const inp = new InpAccumulator();
  const clsSupported = PerformanceObserver.supportedEntryTypes?.includes('layout-shift') ?? false;

  const drains = [
    // LCP is the startTime of the last largest-contentful-paint entry (https://web.dev/articles/lcp).
    observe('largest-contentful-paint', (entries) => {
      const last = entries[entries.length - 1];
      if (last) lcp = Math.max(last.startTime - activationStart, 0);
    }),
    observe('layout-shift', (entries) => {
      for (const entry of entries) cls.add(entry as LayoutShiftEntry);
    }),
    // 40 ms rather than the default 104 ms so that moderately slow interactions count towards INP; 16 is the minimum.
    observe(
      'event',
      (entries) => {
        for (const entry of entries) inp.add(entry as EventTimingEntry);
      },
      { durationThreshold: 40 },
    ),
    // first-input is always buffered, so an interaction before this extra loaded is still seen.
    observe('first-input', (entries) => {
      for (const entry of entries) inp.add(entry as EventTimingEntry);
    }),
  ];

  return {
    snapshot() {
      for (const drain of drains) drain?.();
      return {
        lcp: roundMs(lcp),
        inp: roundMs(inp.value),
        cls: clsSupported ? Math.round(cls.value * 10_000) / 10_000 : null,
        ttfb: roundMs(ttfb),
      };
    },
  };
}
