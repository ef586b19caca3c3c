import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../api/instance';

/**
 * Result shapes of the query kinds this screen draws (server: domains/analytics/shape-journeys.ts and
 * shape-journey-map.ts) and the stored journey definitions (/workspaces/{id}/journeys).
 */
export interface FunnelResult {
  kind: 'funnel';
  windowSeconds: number;
  groups: {
    key: string | null;
    steps: {
      step: number;
      customers: number;
      conversionFromStart: number | null;
      conversionFromPrevious: number | null;
      dropOff: number;
    }[];
    timeToConvert: { p50Seconds: number | null; p90Seconds: number | null };
  }[];
}

export interface PathsResult {
  kind: 'paths';
  customers: number;
  paths: { path: string[]; customers: number; share: number | null }[];
  other: { customers: number; share: number | null };
  sankey: {
    nodes: { id: string; name: string; step: number }[];
    links: { source: string; target: string; value: number }[];
  };
}

export interface ChannelSwitchResult {
  kind: 'channel_switch';
  channels: string[];
  switches: { from: string; to: string; switches: number; customers: number }[];
}

export interface MetricFigure {
  value: number | null;
  n: number;
  ci: { low: number; high: number } | null;
}

export interface JourneyResult {
  kind: 'journey';
  stages: {
    key: string;
    name: string;
    customers: number;
    shareOfFirst: number | null;
    conversionFromPrevious: number | null;
    experience: { nps: MetricFigure; csat: MetricFigure; ces: MetricFigure };
  }[];
}

export interface KeyMomentsResult {
  kind: 'key_moments';
  minSample: number;
  touchpoints: {
    touchpointId: string;
    stage: string | null;
    poor: { customers: number; outcomes: number; outcomeRate: number | null };
    other: { customers: number; outcomes: number; outcomeRate: number | null };
    differencePoints: number | null;
    ci: { low: number; high: number } | null;
    harm: number | null;
    significant: boolean;
  }[];
}

export interface JourneyStage {
  key: string;
  name: string;
  touchpointIds: string[];
  events: string[];
}

export interface JourneyInput {
  name: string;
  description: string;
  stages: JourneyStage[];
}

export interface Journey extends JourneyInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/journeys`;
const journeysKey = (workspaceId: string) => ['workspaces', workspaceId, 'journeys'] as const;

export function useJourneys(workspaceId: string) {
  return useQuery({
    queryKey: journeysKey(workspaceId),
    queryFn: () => http.request<{ items: Journey[] }>('GET', base(workspaceId)),
    select: (list) => list.items,
  });
}

/**
 * Defines a new journey. Replacing one needs PUT /journeys/{id}, which the shared HTTP client (api/http-client.ts)
 * does not offer yet, so definitions are created and deleted here, not edited in place.
 */
export function useCreateJourney(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: JourneyInput) => http.request<Journey>('POST', base(workspaceId), input),
    onSuccess: () => client.invalidateQueries({ queryKey: journeysKey(workspaceId) }),
  });
}

export function useDeleteJourney(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      http.request<null>('DELETE', `${base(workspaceId)}/${encodeURIComponent(id)}`),
    onSettled: () => client.invalidateQueries({ queryKey: journeysKey(workspaceId) }),
  });
}
