/**
 * Stored analysis definitions (journeys, custom metrics): part of the analytics port. Definitions only, no personal
 * data. Filters are kept as validated query filters (`{ field, op, value }` with the field's wire name).
 */
import type { FilterInput } from '../domains/analytics/query-schema.js';

export interface JourneyStage {
  /** Unique within the journey; stable for the dashboard. */
  key: string;
  name: string;
  /** Touchpoints of the workspace registry; an event maps to at most one touchpoint (first match). */
  touchpointIds: string[];
  /** Event names that reach the stage whatever their touchpoint. */
  events: string[];
}

export interface JourneyRecord {
  id: string;
  workspaceId: string;
  name: string;
  description: string;
  /** 1–12, in journey order. */
  stages: JourneyStage[];
  createdAt: string;
  updatedAt: string;
}

export interface JourneyRepo {
  insert(j: JourneyRecord): Promise<void>;
  /** Ordered by name, then id. */
  list(workspaceId: string): Promise<JourneyRecord[]>;
  get(workspaceId: string, id: string): Promise<JourneyRecord | null>;
  update(j: JourneyRecord): Promise<void>;
  remove(workspaceId: string, id: string): Promise<void>;
}

export type CustomMetricSource = 'events' | 'responses';
export type CustomMetricAggregate = 'count' | 'sum' | 'average' | 'ratio';

export interface CustomMetricRecord {
  id: string;
  workspaceId: string;
  /** Queries name it as `custom:<key>`; unique per workspace. */
  key: string;
  name: string;
  source: CustomMetricSource;
  aggregate: CustomMetricAggregate;
  /** sum/average: `property.<name>` (events) or a question type nps|csat|ces|rating (responses); else null. */
  field: string | null;
  filters: FilterInput[];
  /** ratio only: the rows of the denominator. */
  denominatorFilters: FilterInput[] | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomMetricRepo {
  insert(m: CustomMetricRecord): Promise<void>;
  /** Ordered by key. */
  list(workspaceId: string): Promise<CustomMetricRecord[]>;
  get(workspaceId: string, id: string): Promise<CustomMetricRecord | null>;
  getByKey(workspaceId: string, key: string): Promise<CustomMetricRecord | null>;
  update(m: CustomMetricRecord): Promise<void>;
  remove(workspaceId: string, id: string): Promise<void>;
}
