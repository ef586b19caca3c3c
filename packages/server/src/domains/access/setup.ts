import { CairnError } from '../../errors/catalogue.js';
import type { WorkspaceRecord } from '../../store/port.js';
import type { DomainContext } from '../context.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { type StartedSession, startSession } from './sessions.js';
import { conflictOnDuplicate, prepareUser } from './users.js';
import { newWorkspaceRecord } from './workspaces.js';

/** Setup is open exactly while the instance has no account: afterwards accounts come from owners and the operator. */
export async function isSetupNeeded(ctx: DomainContext): Promise<boolean> {
  return (await ctx.store.users.count()) === 0;
}

export interface SetupInput {
  email: string;
  password: string;
  name?: string | undefined;
  workspaceName: string;
}

export interface SetupResult {
  workspace: WorkspaceRecord;
  session: StartedSession;
}

const alreadyDone = () => new CairnError('CAIRN_SETUP_ALREADY_DONE');

/**
 * Creates the first account, the first workspace with that account as owner, and a session for it. Workspaces
 * that automation created before anyone could sign in (the demo world on first start, CAIRN_ADMIN_TOKEN scripts)
 * get the first account as owner too: otherwise nobody could ever open them in the dashboard.
 */
export async function completeSetup(
  ctx: DomainContext,
  input: SetupInput,
  sessionTtlHours: number,
): Promise<SetupResult> {
  // Checked before hashing (cheap refusal) and again inside the transaction (two racing setups: one wins).
  if (!(await isSetupNeeded(ctx))) throw alreadyDone();
  const now = ctx.now();
  const user = await prepareUser({ email: input.email, password: input.password, name: input.name }, now);
  const workspace = newWorkspaceRecord({ name: input.workspaceName }, now, 'body.workspaceName');
  return ctx.store
    .transaction(async (tx) => {
      if ((await tx.users.count()) > 0) throw alreadyDone();
      const earlier = await tx.workspaces.listAll();
      await tx.users.insert(user);
      await tx.workspaces.insert(workspace);
      await tx.memberships.upsert({
        workspaceId: workspace.id,
        userId: user.id,
        role: 'owner',
        createdAt: workspace.createdAt,
      });
      for (const existing of earlier) {
        await tx.memberships.upsert({
          workspaceId: existing.id,
          userId: user.id,
          role: 'owner',
          createdAt: workspace.createdAt,
        });
      }
      // The request is anonymous; the entry names the person who now exists and did the setup.
      const owner: Actor = {
        kind: 'user',
        userId: user.id,
        email: user.email,
        roles: new Map([[workspace.id, 'owner']]),
        viaSession: false,
      };
      await recordAudit(
        tx,
        ctx,
        {
          workspaceId: workspace.id,
          action: 'setup.complete',
          target: { type: 'user', id: user.id },
          details: { email: user.email, workspaceName: workspace.name },
        },
        owner,
      );
      const session = await startSession(tx, user, now, sessionTtlHours);
      return { workspace, session };
    })
    .catch(conflictOnDuplicate(user.email));
}
