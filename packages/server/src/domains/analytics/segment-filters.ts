import type { SegmentRecord } from '../../store/segment-port.js';
import { invalidQuery } from './parse-query.js';
import type { FilterInput } from './query-schema.js';

/**
 * A filter `{ field: 'segment', op: 'eq', value: '<key>' }` means "customers in this segment": it is replaced by
 * the segment's own trait conditions before planning, so a segment selects the same customers in every analysis as
 * in survey targeting (segments/evaluate.ts). Several segment filters all apply (AND); other operators are refused,
 * as they would need OR or NOT across conditions.
 */
export function expandSegmentFilters(
  filters: FilterInput[] | undefined,
  segments: SegmentRecord[],
): FilterInput[] | undefined {
  if (!filters?.some((f) => f.field === 'segment')) return filters;
  return filters.flatMap((filter, i) => {
    if (filter.field !== 'segment') return [filter];
    const path = `body.filters.${i}`;
    if (filter.op !== 'eq' || typeof filter.value !== 'string') {
      throw invalidQuery([
        { field: `${path}.op`, message: 'a segment filter takes op eq and one segment key' },
      ]);
    }
    const segment = segments.find((s) => s.key === filter.value);
    if (!segment)
      throw invalidQuery([{ field: `${path}.value`, message: 'names no segment of this workspace' }]);
    return segment.conditions as FilterInput[];
  });
}

/** Whether the query names a segment anywhere it can (top-level filters), so the segments must be loaded. */
export const namesSegment = (filters: FilterInput[] | undefined) =>
  filters?.some((f) => f.field === 'segment') ?? false;
