import { CairnError, notFound } from '../../errors/catalogue.js';
import type { DomainContext } from '../context.js';
import type { Actor } from './actor.js';
import type { Role } from './roles.js';
import { type UserView, userView } from './users.js';
import { listWorkspacesFor } from './workspaces.js';

export interface ActorDescription {
  actor: { kind: Exclude<Actor['kind'], 'anonymous'> };
  user?: UserView;
  workspaces: { id: string; name: string; role: Role }[];
  /** Present for cookie sessions: the dashboard sends it back in X-CSRF-Token. */
  csrfToken?: string;
}

/** Who the caller is and where it may act: what the dashboard needs to draw its navigation. */
export async function describeActor(
  ctx: DomainContext,
  csrfToken: string | undefined,
): Promise<ActorDescription> {
  const { actor } = ctx;
  if (actor.kind === 'anonymous') throw new CairnError('CAIRN_UNAUTHENTICATED');
  const workspaces = (await listWorkspacesFor(ctx)).map(({ id, name, role }) => ({ id, name, role }));
  const description: ActorDescription = { actor: { kind: actor.kind }, workspaces };
  if (actor.kind === 'user') {
    const user = await ctx.store.users.get(actor.userId);
    if (!user) throw notFound('User', actor.userId);
    description.user = userView(user);
  }
  if (csrfToken) description.csrfToken = csrfToken;
  return description;
}
