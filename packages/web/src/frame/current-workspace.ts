import type { Role, Workspace } from '../api/types';

/** The workspace named in the URL, with the signed-in person's role in it. */
export interface CurrentWorkspace {
  workspace: Workspace;
  role: Role;
}
