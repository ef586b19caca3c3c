import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../api/instance';

/** Typed calls for the touchpoint registry (server: http/routes/touchpoints.ts). */
export interface TouchpointRule {
  event?: string;
  urlPattern?: string;
  properties?: { name: string; value: string }[];
}

export interface TouchpointInput {
  name: string;
  channel: string;
  stage: string | null;
  ownerTeam: string | null;
  description: string;
  rules: TouchpointRule[];
}

export interface Touchpoint extends TouchpointInput {
  id: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export const coverageWindows = ['7d', '30d', '90d', '12m'] as const;
export type CoverageWindow = (typeof coverageWindows)[number];

/** One row of GET /touchpoints/coverage: volume, last event and experience KPIs computed by the server. */
export interface CoverageItem {
  id: string;
  events: number;
  lastSeen: string | null;
  instrumented: boolean;
  measured: boolean;
  responses: number;
  kpis: { nps: number | null; npsAnswers: number; csat: number | null; ces: number | null };
}

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/touchpoints`;
const keys = {
  all: (workspaceId: string) => ['workspaces', workspaceId, 'touchpoints'] as const,
  coverage: (workspaceId: string, last: CoverageWindow) =>
    ['workspaces', workspaceId, 'touchpoints', 'coverage', last] as const,
};

export function useTouchpoints(workspaceId: string) {
  return useQuery({
    queryKey: keys.all(workspaceId),
    queryFn: () => http.request<{ items: Touchpoint[] }>('GET', base(workspaceId)),
    select: (list) => list.items,
  });
}

export function useTouchpointCoverage(workspaceId: string, last: CoverageWindow) {
  return useQuery({
    queryKey: keys.coverage(workspaceId, last),
    queryFn: () =>
      http.request<{ items: CoverageItem[] }>('GET', `${base(workspaceId)}/coverage?last=${last}`),
    select: (answer) => answer.items,
  });
}

/** Create (no id) or change (with id) a touchpoint; the registry and its coverage are re-read afterwards. */
export function useSaveTouchpoint(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: TouchpointInput }) =>
      id === null
        ? http.request<Touchpoint>('POST', base(workspaceId), input)
        : http.request<Touchpoint>('PATCH', `${base(workspaceId)}/${encodeURIComponent(id)}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all(workspaceId) }),
  });
}

export function useDeleteTouchpoint(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      http.request<null>('DELETE', `${base(workspaceId)}/${encodeURIComponent(id)}`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.all(workspaceId) }),
  });
}
