import { ApiError, type HttpClient } from './http-client';
import type {
  ApiToken,
  CreatedApiToken,
  ItemList,
  LoginResult,
  Me,
  Member,
  MemberInput,
  Role,
  SetupInput,
  SetupStatus,
  User,
  Workspace,
  WorkspaceInput,
  WriteKey,
} from './types';

const workspacePath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;

/** Typed functions for the foundation API, one per endpoint the dashboard uses. */
export function createCairnApi(http: HttpClient) {
  return {
    setupStatus: () => http.request<SetupStatus>('GET', '/setup'),

    setup: (input: SetupInput) => http.request<{ user: User; workspace: Workspace }>('POST', '/setup', input),

    async login(email: string, password: string): Promise<LoginResult> {
      const result = await http.request<LoginResult>('POST', '/auth/login', { email, password });
      http.setCsrfToken(result.csrfToken);
      return result;
    },

    async logout(): Promise<void> {
      await http.request<void>('POST', '/auth/logout');
      http.setCsrfToken(undefined);
    },

    /** The signed-in session, or null when there is none (401 is an answer here, not a failure). */
    async me(): Promise<Me | null> {
      try {
        const me = await http.request<Me>('GET', '/me');
        http.setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          http.setCsrfToken(undefined);
          return null;
        }
        throw error;
      }
    },

    listWorkspaces: () => http.request<ItemList<Workspace>>('GET', '/workspaces'),
    createWorkspace: (input: WorkspaceInput) => http.request<Workspace>('POST', '/workspaces', input),
    getWorkspace: (workspaceId: string) => http.request<Workspace>('GET', workspacePath(workspaceId)),
    updateWorkspace: (workspaceId: string, changes: WorkspaceInput) =>
      http.request<Workspace>('PATCH', workspacePath(workspaceId), changes),

    listMembers: (workspaceId: string) =>
      http.request<ItemList<Member>>('GET', `${workspacePath(workspaceId)}/members`),
    addMember: (workspaceId: string, input: MemberInput) =>
      http.request<Member>('POST', `${workspacePath(workspaceId)}/members`, input),
    changeMemberRole: (workspaceId: string, userId: string, role: Role) =>
      http.request<Member>('PATCH', `${workspacePath(workspaceId)}/members/${encodeURIComponent(userId)}`, {
        role,
      }),
    removeMember: (workspaceId: string, userId: string) =>
      http.request<void>('DELETE', `${workspacePath(workspaceId)}/members/${encodeURIComponent(userId)}`),

    listApiTokens: (workspaceId: string) =>
      http.request<ItemList<ApiToken>>('GET', `${workspacePath(workspaceId)}/tokens`),
    createApiToken: (workspaceId: string, input: { name: string; role: Role }) =>
      http.request<CreatedApiToken>('POST', `${workspacePath(workspaceId)}/tokens`, input),
    revokeApiToken: (workspaceId: string, tokenId: string) =>
      http.request<void>('DELETE', `${workspacePath(workspaceId)}/tokens/${encodeURIComponent(tokenId)}`),

    listWriteKeys: (workspaceId: string) =>
      http.request<ItemList<WriteKey>>('GET', `${workspacePath(workspaceId)}/write-keys`),
    createWriteKey: (workspaceId: string, input: { name: string }) =>
      http.request<WriteKey>('POST', `${workspacePath(workspaceId)}/write-keys`, input),
    revokeWriteKey: (workspaceId: string, keyId: string) =>
      http.request<void>('DELETE', `${workspacePath(workspaceId)}/write-keys/${encodeURIComponent(keyId)}`),
  };
}

export type CairnApi = ReturnType<typeof createCairnApi>;
