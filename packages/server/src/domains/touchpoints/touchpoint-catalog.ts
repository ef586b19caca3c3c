import type { TouchpointRecord } from '../../store/analytics-port.js';
import type { Store } from '../../store/port.js';

/**
 * The touchpoint registry of each workspace in memory, for decisions taken per request (survey triggers, the
 * touchpoint of a response). The routes that change the registry invalidate their workspace; one process owns
 * the store, so no other writer can make this stale. A restore drops everything.
 */
export class TouchpointCatalog {
  private readonly lists = new Map<string, Promise<TouchpointRecord[]>>();

  constructor(private readonly store: Store) {
    store.onReplaced(() => this.lists.clear());
  }

  list(workspaceId: string): Promise<TouchpointRecord[]> {
    let entry = this.lists.get(workspaceId);
    if (!entry) {
      entry = this.store.analytics.touchpoints.list(workspaceId);
      this.lists.set(workspaceId, entry);
      entry.catch(() => this.lists.delete(workspaceId));
    }
    return entry;
  }

  async get(workspaceId: string, id: string): Promise<TouchpointRecord | undefined> {
    return (await this.list(workspaceId)).find((t) => t.id === id);
  }

  invalidate(workspaceId: string): void {
    this.lists.delete(workspaceId);
  }
}
