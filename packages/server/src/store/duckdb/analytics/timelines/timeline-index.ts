import type {
  FunnelPlan,
  FunnelRow,
  PathRow,
  PathsPlan,
  QueryPlan,
  RetentionPlan,
  RetentionRow,
} from '../../../analytics-port.js';
import type { DuckDbDatabase } from '../../database.js';
import { funnelOverTimelines } from './funnel-scan.js';
import { pathsOverTimelines } from './paths-scan.js';
import { periodListOf, retentionOverTimelines } from './retention-scan.js';
import { isChannelFilter } from './scan-support.js';
import { WorkspaceTimeline } from './workspace-timeline.js';

/** Steps a funnel can have when its step masks are bits of a 32-bit integer. */
const maxMaskSteps = 31;

/**
 * New events a query brings in itself before it runs; beyond that (a first build, a large import) the timelines
 * catch up in the background and SQL answers meanwhile. Bringing in 100k events costs about 0.1 s.
 */
const catchUpInQuery = 100_000;

/** Timelines not read for this long are dropped (built again on the next query). */
const idleLimitMs = 60 * 60 * 1000;

export type TimelinePlan = FunnelPlan | PathsPlan | RetentionPlan;

/**
 * The plans timelines answer: funnels over event-name steps, broken down by nothing or by channel, paths and
 * retention; filtered at most by channel (the dashboard's channel filter). Other filters and breakdowns need the
 * events' properties, profiles' traits or touchpoint rules, so SQL.
 */
export function timelinesAnswer(plan: QueryPlan): plan is TimelinePlan {
  if (plan.kind !== 'funnel' && plan.kind !== 'paths' && plan.kind !== 'retention') return false;
  if (!plan.filters.every(isChannelFilter)) return false;
  if (plan.kind !== 'funnel') return true;
  const breakdownOk =
    plan.breakdown === null || (plan.breakdown.kind === 'column' && plan.breakdown.name === 'channel');
  return (
    breakdownOk &&
    plan.steps.length <= maxMaskSteps &&
    plan.steps.every((s) => s.event !== null && s.touchpoint === null && s.filters.length === 0)
  );
}

/**
 * Funnels, paths and retention read each customer's events in time order. In SQL that is a sort, a join or an
 * aggregate per customer over every event in the range, seconds on ten million events; here each workspace's
 * events are kept grouped by customer and in order, so such a query is one pass over memory (ARCHITECTURE.md,
 * "Journey timelines").
 * A workspace's timelines are built in the background on its first such query and brought up to date from the
 * store by every later one, so a result always reflects everything committed before the query.
 */
export class TimelineIndex {
  private readonly workspaces = new Map<string, WorkspaceTimeline>();
  private readonly lastUsed = new Map<string, number>();
  private fileGeneration: number;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly database: DuckDbDatabase) {
    this.fileGeneration = database.fileGeneration;
  }

  /** The answer, or null while the workspace's timelines are being built or caught up (then ask SQL). */
  async run(plan: TimelinePlan): Promise<FunnelRow[] | PathRow[] | RetentionRow[] | null> {
    this.forgetIdle(plan.workspaceId);
    if (this.refreshing) return null;
    if (this.fileGeneration !== this.database.fileGeneration) {
      this.workspaces.clear();
      this.fileGeneration = this.database.fileGeneration;
    }
    const timeline = this.workspaces.get(plan.workspaceId);
    let state: Awaited<ReturnType<WorkspaceTimeline['sync']>> = 'changed';
    try {
      if (timeline)
        state = await this.database.snapshotRead((reader) => timeline.sync(reader, catchUpInQuery));
    } catch {
      // Half brought up to date is not to be trusted: build anew, and let SQL answer (and report any error).
      this.workspaces.delete(plan.workspaceId);
      return null;
    }
    if (state !== 'current' || !timeline) {
      this.refresh(state === 'behind' && timeline ? timeline : new WorkspaceTimeline(plan.workspaceId));
      return null;
    }
    const data = timeline.snapshot;
    switch (plan.kind) {
      case 'funnel':
        return funnelOverTimelines(plan, data);
      case 'paths':
        return pathsOverTimelines(plan, data);
      case 'retention':
        return retentionOverTimelines(plan, data, await periodListOf(this.database.autocommit, plan));
    }
  }

  /**
   * Drops the timelines of workspaces nobody has asked about for an hour: they hold about 30 bytes per event and
   * 60 per profile (measured: 335 MiB for 10M events of 1M profiles).
   */
  private forgetIdle(asking: string): void {
    const now = Date.now();
    this.lastUsed.set(asking, now);
    for (const [workspaceId, at] of this.lastUsed) {
      if (now - at <= idleLimitMs) continue;
      this.workspaces.delete(workspaceId);
      this.lastUsed.delete(workspaceId);
    }
  }

  /** Brings `timeline` up to date in the background, then lets queries use it. */
  private refresh(timeline: WorkspaceTimeline): void {
    if (this.refreshing) return;
    this.refreshing = this.database
      .snapshotRead((reader) => timeline.sync(reader, Number.POSITIVE_INFINITY))
      .then((state) => {
        if (state === 'current') this.workspaces.set(timeline.workspaceId, timeline);
        else this.workspaces.delete(timeline.workspaceId);
      })
      // A failed build leaves the workspace to SQL; its next query tries again.
      .catch(() => {
        this.workspaces.delete(timeline.workspaceId);
      })
      .finally(() => {
        this.refreshing = null;
      });
  }

  /** Resolves when no build or catch-up is running (for tests and benchmarks that want the timelines ready). */
  async settled(): Promise<void> {
    while (this.refreshing) await this.refreshing;
  }
}
