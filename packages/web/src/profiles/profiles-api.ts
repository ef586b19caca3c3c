import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/http-client';
import { http } from '../api/instance';
import type { ProfileSearch } from './profile-search';

/** Wire types of the profiles API (server: http/routes/profiles.ts); only the fields shown here. */
export interface Identity {
  kind: string;
  value: string;
  createdAt: string;
}

export type Traits = Record<string, { value: unknown; observedAt: string }>;

export interface ProfileSummary {
  id: string;
  createdAt: string;
  identities: Identity[];
  traits: Traits;
}

export interface ProfileFacts {
  firstSeen: string | null;
  lastSeen: string | null;
  eventCount: number;
  channels: { channel: string; events: number }[];
  orders: number;
  /** In major units of `currencies` (Segment's Order Completed `revenue`/`total`). */
  revenue: number;
  currencies: string[];
}

export interface Profile360 extends ProfileSummary {
  mergedProfileIds: string[];
  groups: { groupId: string; traits: Record<string, unknown> }[];
  facts: ProfileFacts;
}

export interface TimelineEvent {
  messageId: string;
  type: string;
  event: string | null;
  channel: string;
  timestamp: string;
  properties: Record<string, unknown>;
  page: { url: string | null; path: string | null; title: string | null; referrer: string | null };
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const profilesPath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/profiles`;

/** The request a search makes: the lookup endpoint for one identifier, the search endpoint for text and traits. */
export function searchRequestPath(workspaceId: string, search: ProfileSearch, cursor?: string): string {
  const params = new URLSearchParams();
  switch (search.by) {
    case 'text':
      params.set('q', search.q);
      break;
    case 'trait':
      params.set('trait', search.q);
      break;
    case 'external':
      params.set('externalId', search.q);
      params.set('externalType', search.externalType ?? '');
      return `${profilesPath(workspaceId)}/lookup?${params}`;
    default:
      params.set(search.by, search.q);
      return `${profilesPath(workspaceId)}/lookup?${params}`;
  }
  params.set('limit', '25');
  if (cursor) params.set('cursor', cursor);
  return `${profilesPath(workspaceId)}?${params}`;
}

const isLookup = (search: ProfileSearch) => search.by !== 'text' && search.by !== 'trait';

/** Search results as pages; a lookup answers with one profile or none (404 means "nobody has this identifier"). */
export function useProfileSearch(workspaceId: string, search: ProfileSearch | undefined) {
  return useInfiniteQuery({
    queryKey: ['workspaces', workspaceId, 'profiles', 'search', search],
    enabled: search !== undefined,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<ProfileSummary>) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    queryFn: async ({ pageParam }): Promise<Page<ProfileSummary>> => {
      if (!search) return { items: [], nextCursor: null };
      const path = searchRequestPath(workspaceId, search, pageParam);
      if (!isLookup(search)) return http.request<Page<ProfileSummary>>('GET', path);
      try {
        return { items: [await http.request<Profile360>('GET', path)], nextCursor: null };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { items: [], nextCursor: null };
        throw error;
      }
    },
  });
}

export function useProfile(workspaceId: string, profileId: string) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'profiles', profileId],
    queryFn: () =>
      http.request<Profile360>('GET', `${profilesPath(workspaceId)}/${encodeURIComponent(profileId)}`),
  });
}

/** The one timeline across channels, newest first, in cursor pages ("load more"). */
export function useTimeline(workspaceId: string, profileId: string) {
  return useInfiniteQuery({
    queryKey: ['workspaces', workspaceId, 'profiles', profileId, 'timeline'],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<TimelineEvent>) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '30' });
      if (pageParam) params.set('cursor', pageParam);
      return http.request<Page<TimelineEvent>>(
        'GET',
        `${profilesPath(workspaceId)}/${encodeURIComponent(profileId)}/timeline?${params}`,
      );
    },
  });
}
