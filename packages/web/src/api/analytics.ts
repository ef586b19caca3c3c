import { useQuery } from '@tanstack/react-query';
import type { GlobalFilters } from '../filters/global-filters';
import { http } from './instance';

/**
 * Every figure the dashboard shows comes from the one query engine (POST /api/v1/workspaces/{id}/query); no screen
 * computes a KPI itself. The query shapes are documented in the API docs (/api/docs, tag "query").
 */
export interface AnalyticsQuery {
  kind: string;
  timeRange: { from: string; to: string } | { last: '7d' | '30d' | '90d' | '12m' };
  filters?: { field: string; op: string; value: unknown }[];
  [parameter: string]: unknown;
}

export function runAnalyticsQuery<Result>(workspaceId: string, query: AnalyticsQuery): Promise<Result> {
  return http.request<Result>('POST', `/workspaces/${encodeURIComponent(workspaceId)}/query`, query);
}

/** A query result cached by its exact query, so equal views across screens share one request. */
export function useAnalyticsQuery<Result>(workspaceId: string, query: AnalyticsQuery, enabled = true) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'query', query],
    queryFn: () => runAnalyticsQuery<Result>(workspaceId, query),
    enabled,
  });
}

/** Milliseconds to add to UTC wall time to get wall time in `timeZone` at `instant` (e.g. +3,600,000 for Berlin in winter). */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - instant;
}

/** The instant a calendar day (YYYY-MM-DD) starts in the workspace's time zone, DST included. */
export function startOfDay(day: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const guess = utcMidnight - zoneOffset(utcMidnight, timeZone);
  // A second pass settles days whose offset differs between UTC midnight and local midnight (DST changes).
  return new Date(utcMidnight - zoneOffset(guess, timeZone));
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The time range and filters the global filter bar asks for. Dates are whole days in the workspace time zone;
 * `to` is inclusive for people and becomes the exclusive start of the next day for the engine. Without dates, the
 * last 30 days.
 */
export function scopeOf(
  filters: GlobalFilters,
  timeZone: string,
): Pick<AnalyticsQuery, 'timeRange' | 'filters'> {
  const list: NonNullable<AnalyticsQuery['filters']> = [];
  if (filters.channel) list.push({ field: 'channel', op: 'eq', value: filters.channel });
  if (filters.touchpoint) list.push({ field: 'touchpoint', op: 'eq', value: filters.touchpoint });
  if (filters.segment) list.push({ field: 'segment', op: 'eq', value: filters.segment });
  const timeRange: AnalyticsQuery['timeRange'] =
    filters.from && filters.to
      ? {
          from: startOfDay(filters.from, timeZone).toISOString(),
          to: startOfDay(nextDay(filters.to), timeZone).toISOString(),
        }
      : { last: '30d' };
  return list.length > 0 ? { timeRange, filters: list } : { timeRange };
}
