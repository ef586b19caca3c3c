export interface InteractionSample {
  /** 0 for events that are not part of an interaction (e.g. mousemove). */
  interactionId: number;
  duration: number;
}

/**
 * Interaction to Next Paint from Event Timing entries, per https://web.dev/articles/inp: an interaction's latency
 * is the longest duration among its events (same interactionId); INP is the worst interaction, except that one
 * outlier is ignored per 50 interactions (a practical 98th percentile for pages with many interactions).
 * This is an approximation: entries under the observer's durationThreshold (40 ms here) are not seen.
 */
export class InpAccumulator {
  private readonly longestById = new Map<number, number>();

  add(sample: InteractionSample): void {
    if (!sample.interactionId) return;
    const previous = this.longestById.get(sample.interactionId) ?? 0;
    if (sample.duration > previous) this.longestById.set(sample.interactionId, sample.duration);
  }

  get value(): number | null {
    const durations = [...this.longestById.values()].sort((a, b) => b - a);
    if (durations.length === 0) return null;
    const skippedOutliers = Math.min(Math.floor(durations.length / 50), durations.length - 1);
    return durations[skippedOutliers] ?? null;
  }
}
