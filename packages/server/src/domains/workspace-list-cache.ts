import type { Store } from '../store/port.js';

/**
 * A small per-workspace list (touchpoint registry, segments) kept in memory for decisions taken per request, such
 * as which survey to offer. The routes that change the list invalidate their workspace; one process owns the
 * store, so no other writer can make it stale. A restore drops everything.
 */
export class WorkspaceListCache<T extends { id: string }> {
  private readonly lists = new Map<string, Promise<T[]>>();

  constructor(
    store: Store,
    private readonly load: (workspaceId: string) => Promise<T[]>,
  ) {
    store.onReplaced(() => this.lists.clear());
  }

  list(workspaceId: string): Promise<T[]> {
    let entry = this.lists.get(workspaceId);
    if (!entry) {
      entry = this.load(workspaceId);
      this.lists.set(workspaceId, entry);
      entry.catch(() => this.lists.delete(workspaceId));
    }
    return entry;
  }

  async get(workspaceId: string, id: string): Promise<T | undefined> {
    return (await this.list(workspaceId)).find((item) => item.id === id);
  }

  invalidate(workspaceId: string): void {
    this.lists.delete(workspaceId);
  }
}
