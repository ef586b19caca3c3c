/** Milliseconds, except `cls` (unitless). Null when the browser cannot measure it or nothing happened yet. */
export interface WebVitalsSnapshot {
  lcp: number | null;
  inp: number | null;
  cls: number | null;
  ttfb: number | null;
}

export interface WebVitalsMeter {
  /** Reads pending observer records first, so a snapshot taken on page hide is complete. */
  snapshot(): WebVitalsSnapshot;
}

/** The lazily loaded extra's surface, as the core sees it. */
export interface WebVitalsExtra {
  startWebVitals(): WebVitalsMeter;
}
