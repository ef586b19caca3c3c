import { useQuery } from '@tanstack/react-query';
import { http } from '../api/instance';

/** The fields of a segment (GET /workspaces/{id}/segments) the filter bar reads. */
export interface SegmentOption {
  id: string;
  key: string;
  name: string;
}

/** The workspace's segments, for choosing one as a filter (the URL keeps its key). */
export function useSegmentOptions(workspaceId: string) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'segments', 'filter-options'],
    queryFn: () =>
      http.request<{ items: SegmentOption[] }>(
        'GET',
        `/workspaces/${encodeURIComponent(workspaceId)}/segments`,
      ),
    staleTime: 60_000,
  });
}
