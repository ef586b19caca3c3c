import type { TouchpointRecord } from '../../store/analytics-port.js';
import type { Store } from '../../store/port.js';
import { WorkspaceListCache } from '../workspace-list-cache.js';

/** The touchpoint registry of each workspace in memory (survey triggers, the touchpoint of a response). */
export type TouchpointCatalog = WorkspaceListCache<TouchpointRecord>;

export const touchpointCatalog = (store: Store): TouchpointCatalog =>
  new WorkspaceListCache(store, (workspaceId) => store.analytics.touchpoints.list(workspaceId));
