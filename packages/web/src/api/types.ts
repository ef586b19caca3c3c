/**
 * Wire types of the foundation API (docs/api-contract-foundation.md). Kept by hand for now: the server's TypeBox
 * schemas are the source of truth, and these mirror only the fields the dashboard reads.
 */
export const roles = ['owner', 'admin', 'analyst', 'agent', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface User {
  id: string;
  email: string;
  name?: string | null;
  locale?: string | null;
}

export interface MeWorkspace {
  id: string;
  name: string;
  role: Role;
}

export interface Me {
  actor: { kind: string };
  user?: User;
  workspaces: MeWorkspace[];
  csrfToken?: string;
}

export interface SetupStatus {
  needed: boolean;
}

export interface SetupInput {
  email: string;
  password: string;
  name?: string;
  workspaceName: string;
}

export interface LoginResult {
  user: User;
  csrfToken: string;
}

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
  defaultLocale: string;
  createdAt: string;
  /** Present in lists; the caller's role in this workspace. */
  role?: Role;
}

export interface WorkspaceInput {
  name: string;
  timeZone?: string;
  defaultLocale?: string;
}

export interface Member {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: string;
}

export interface MemberInput {
  email: string;
  role: Role;
  name?: string;
  password?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The secret `token` is returned exactly once, by the create call. */
export interface CreatedApiToken extends Omit<ApiToken, 'lastUsedAt' | 'revokedAt'> {
  token: string;
}

export interface WriteKey {
  id: string;
  name: string;
  key: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ItemList<T> {
  items: T[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
