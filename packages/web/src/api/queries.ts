import { MutationCache, QueryCache, QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError } from './http-client';
import { api } from './instance';

/** Query keys in one place, so invalidation after a write can never miss the list it changed. */
export const queryKeys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
  workspaces: ['workspaces'] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  apiTokens: (workspaceId: string) => ['workspaces', workspaceId, 'api-tokens'] as const,
  writeKeys: (workspaceId: string) => ['workspaces', workspaceId, 'write-keys'] as const,
};

const isClientError = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500;

export function createQueryClient(): QueryClient {
  // An expired session turns every request into 401: re-reading /me then shows the login screen.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) {
      void client.invalidateQueries({ queryKey: queryKeys.me });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      // Retrying a 4xx only repeats the same refusal; network hiccups and 5xx get two more tries.
      queries: { retry: (count, error) => !isClientError(error) && count < 2, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}

const keptAcrossAccounts = new Set<unknown>([queryKeys.setup[0], queryKeys.me[0]]);

/**
 * Forgets everything the previous person could see (on sign-in and sign-out). The setup state and the session
 * itself stay: the app shell observes them, and they are overwritten or refetched by the caller.
 */
export function forgetAccountData(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => !keptAcrossAccounts.has(query.queryKey[0]) });
}

export const useSetupStatus = () => useQuery({ queryKey: queryKeys.setup, queryFn: api.setupStatus });

export const useSession = (enabled: boolean) =>
  useQuery({ queryKey: queryKeys.me, queryFn: api.me, enabled });

export const useWorkspaces = () =>
  useQuery({
    queryKey: queryKeys.workspaces,
    queryFn: api.listWorkspaces,
    select: (list) => list.items,
  });
