import { useQuery } from '@tanstack/react-query';
import { http } from '../api/instance';

/** The fields of a registry entry (GET /workspaces/{id}/touchpoints) the filter bar and the overview read. */
export interface TouchpointOption {
  id: string;
  name: string;
  channel: string;
  stage: string | null;
}

/** The workspace's touchpoints, for choosing one as a filter and for naming touchpoint ids in results. */
export function useTouchpointOptions(workspaceId: string) {
  return useQuery({
    // Own key under the registry's prefix: an edit that invalidates the registry refreshes this list too.
    queryKey: ['workspaces', workspaceId, 'touchpoints', 'filter-options'],
    queryFn: () =>
      http.request<{ items: TouchpointOption[] }>(
        'GET',
        `/workspaces/${encodeURIComponent(workspaceId)}/touchpoints`,
      ),
    // The registry changes rarely; a minute of freshness keeps screen changes from refetching it.
    staleTime: 60_000,
  });
}
