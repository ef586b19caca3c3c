import { type Command, Option } from 'commander';
import { roles } from '../../domains/access/roles.js';
import { type CliContext, withApi } from '../context.js';

interface Created {
  id: string;
}

const roleOption = (description: string) => new Option('--role <role>', description).choices(roles);
const workspacePath = (id: string) => `/api/v1/workspaces/${encodeURIComponent(id)}`;

export function registerAccessCommands(program: Command, ctx: CliContext): void {
  const user = program.command('user').description('Manage user accounts.');
  user
    .command('create')
    .description('Create a user account, optionally as a member of a workspace. Prints the user id.')
    .requiredOption('--email <email>', 'e-mail address, used to sign in')
    .requiredOption('--password <password>', 'initial password (visible in the process list while this runs)')
    .option('--name <name>', 'display name')
    .option('--workspace <id>', 'workspace to add the user to (needs --role)')
    .addOption(roleOption('role in that workspace (needs --workspace)'))
    .action(
      async (options: {
        email: string;
        password: string;
        name?: string;
        workspace?: string;
        role?: string;
      }) => {
        if (Boolean(options.workspace) !== Boolean(options.role)) {
          throw new Error('--workspace and --role go together: give both or neither.');
        }
        await withApi(ctx, async (api) => {
          const created = await api.json<Created>('POST', '/api/v1/users', {
            email: options.email,
            password: options.password,
            ...(options.name ? { name: options.name } : {}),
          });
          if (options.workspace && options.role) {
            await api.json('POST', `${workspacePath(options.workspace)}/members`, {
              email: options.email,
              role: options.role,
            });
            ctx.io.note(`Added ${options.email} to workspace ${options.workspace} as ${options.role}.`);
          }
          ctx.io.out(created.id);
        });
      },
    );

  const token = program.command('token').description('Manage API tokens.');
  token
    .command('create')
    .description('Create an API token for a workspace. Prints the token, which is shown only this once.')
    .requiredOption('--workspace <id>', 'workspace the token belongs to')
    .addOption(roleOption('role the token acts with').makeOptionMandatory())
    .option('--name <name>', 'name shown in token lists', 'cli')
    .action(async (options: { workspace: string; role: string; name: string }) => {
      await withApi(ctx, async (api) => {
        const created = await api.json<{ token: string; prefix: string }>(
          'POST',
          `${workspacePath(options.workspace)}/tokens`,
          { name: options.name, role: options.role },
        );
        ctx.io.note('Store this token now: Cairn keeps only its hash and cannot show it again.');
        ctx.io.out(created.token);
      });
    });

  const workspace = program.command('workspace').description('Manage workspaces.');
  workspace
    .command('create')
    .description('Create a workspace. Prints its id.')
    .requiredOption('--name <name>', 'workspace name')
    .option('--time-zone <zone>', 'IANA time zone for reports (default Europe/Berlin)')
    .option('--locale <locale>', 'default language, de or en (default de)')
    .action(async (options: { name: string; timeZone?: string; locale?: string }) => {
      await withApi(ctx, async (api) => {
        const created = await api.json<Created>('POST', '/api/v1/workspaces', {
          name: options.name,
          ...(options.timeZone ? { timeZone: options.timeZone } : {}),
          ...(options.locale ? { defaultLocale: options.locale } : {}),
        });
        ctx.io.out(created.id);
      });
    });
}
