import type { FilterOp } from '../domains/analytics/query-schema.js';

/** One condition on a current trait; the same operators and comparison rules as query filters. */
export interface SegmentCondition {
  /** `trait.<name>` */
  field: string;
  op: FilterOp;
  value: string | number | boolean | (string | number)[];
}

export interface SegmentRecord {
  id: string;
  workspaceId: string;
  key: string;
  name: string;
  description: string;
  conditions: SegmentCondition[];
  createdAt: string;
  updatedAt: string;
}

export interface SegmentRepo {
  insert(segment: SegmentRecord): Promise<void>;
  /** Ordered by name. */
  list(workspaceId: string): Promise<SegmentRecord[]>;
  get(workspaceId: string, id: string): Promise<SegmentRecord | null>;
  update(segment: SegmentRecord): Promise<void>;
  remove(workspaceId: string, id: string): Promise<void>;
}
