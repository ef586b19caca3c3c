import { notFound } from '../../errors/catalogue.js';
import type { Repos, WorkspaceRecord } from '../../store/port.js';

/**
 * Existence checks shared by the access functions. They run after the permission check, so a 404 only tells
 * callers something they are allowed to know (the operator about any id, members about their own workspace).
 */
export async function requireWorkspace(
  repos: Pick<Repos, 'workspaces'>,
  id: string,
): Promise<WorkspaceRecord> {
  const workspace = await repos.workspaces.get(id);
  if (!workspace) throw notFound('Workspace', id);
  return workspace;
}
