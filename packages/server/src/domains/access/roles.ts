/** Workspace roles, most to least powerful. Order matters: a role may only grant roles at or below its own. */
export const roles = ['owner', 'admin', 'analyst', 'agent', 'viewer'] as const;
export type Role = (typeof roles)[number];

export function roleRank(role: Role): number {
  return roles.indexOf(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
