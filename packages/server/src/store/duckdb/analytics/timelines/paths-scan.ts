import type { PathRow, PathsPlan } from '../../../analytics-port.js';
import { allowedChannels, rangeOf } from './scan-support.js';
import { compareCodePoints, EventKind, forEachCustomer } from './timeline-columns.js';
import type { TimelineSnapshot } from './workspace-timeline.js';

/**
 * The paths of paths-sql.ts computed over the in-memory timelines, with the same definition: a customer's steps
 * are their track events (by name) and page/screen views (by path) in (time, arrival) order, a step that repeats
 * the one before it dropped; from the first occurrence of the anchor step, the next (or previous) depth−1 steps.
 */
export async function pathsOverTimelines(plan: PathsPlan, data: TimelineSnapshot): Promise<PathRow[]> {
  const anchor = data.nodes.find(plan.step);
  if (anchor === undefined) return [];
  const counts = new PathCounts();
  // Events on other channels are left out before repeats are collapsed, as the SQL filters them in its scan.
  const allowed = allowedChannels(plan.filters, data.channels);
  let steps = new Int32Array(64);
  await forEachCustomer(data.columns, data.customers, rangeOf(plan), (c, from, to) => {
    if (steps.length < to - from) steps = new Int32Array((to - from) * 2);
    // As in SQL, the first step is compared with NULL (−1) and a nameless step with its predecessor's name.
    let previous = -1;
    let m = 0;
    let at = -1;
    for (let e = from; e < to; e++) {
      if (c.kind[e] === EventKind.other || !allowed[(c.channel[e] as number) + 1]) continue;
      const node = c.node[e] as number;
      if (node !== previous) {
        if (at < 0 && node === anchor) at = m;
        steps[m++] = node;
      }
      previous = node;
    }
    if (at < 0) return;
    const path =
      plan.direction === 'from'
        ? steps.subarray(at, Math.min(m, at + plan.depth))
        : steps.subarray(Math.max(0, at - plan.depth + 1), at + 1);
    counts.add(path);
  });
  const rows = counts.entries().map(({ path, customers }) => ({
    path: path.map((code) => (code === -1 ? 'null' : (data.nodes.names[code] as string))),
    customers,
  }));
  return rows.sort((a, b) => b.customers - a.customers || comparePaths(a.path, b.path));
}

/** Customers per path, as a tree of step codes (no string key built per customer). */
class PathCounts {
  private readonly root: PathNode = { customers: 0, next: new Map() };

  add(path: Int32Array): void {
    let node = this.root;
    for (const code of path) {
      let child = node.next.get(code);
      if (!child) {
        child = { customers: 0, next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    node.customers++;
  }

  entries(): { path: number[]; customers: number }[] {
    const out: { path: number[]; customers: number }[] = [];
    const walk = (node: PathNode, path: number[]) => {
      if (node.customers > 0) out.push({ path, customers: node.customers });
      for (const [code, child] of node.next) walk(child, [...path, code]);
    };
    walk(this.root, []);
    return out;
  }
}

interface PathNode {
  customers: number;
  next: Map<number, PathNode>;
}

/** DuckDB's order of lists: element by element, a prefix first. */
function comparePaths(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareCodePoints(a[i] as string, b[i] as string);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
