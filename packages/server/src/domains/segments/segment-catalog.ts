import type { Store } from '../../store/port.js';
import type { SegmentRecord } from '../../store/segment-port.js';
import { WorkspaceListCache } from '../workspace-list-cache.js';

/** The segments of each workspace in memory, for survey targeting on every eligibility check. */
export type SegmentCatalog = WorkspaceListCache<SegmentRecord>;

export const segmentCatalog = (store: Store): SegmentCatalog =>
  new WorkspaceListCache(store, (workspaceId) => store.segments.list(workspaceId));
