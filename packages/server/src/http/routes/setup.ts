import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { completeSetup, isSetupNeeded } from '../../domains/access/setup.js';
import { sessionCookieName } from '../access-hook.js';
import { EmailSchema, NameSchema, NewPasswordSchema, User, Workspace } from '../access-schemas.js';
import { domainContext } from '../context.js';
import { publicAccess } from '../route-access.js';
import { ErrorEnvelope, standardErrors } from '../schemas.js';
import { setSessionCookie } from '../session-cookie.js';
import type { RouteDependencies } from './index.js';

export function setupRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/setup',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['setup'],
        summary: 'Does this instance still need its first owner?',
        description:
          'true while no account exists; the dashboard then shows the setup form instead of sign-in.',
        security: [],
        response: { 200: Type.Object({ needed: Type.Boolean() }), ...standardErrors },
      },
    },
    async (request) => ({ needed: await isSetupNeeded(domainContext(request, deps.store, deps.now)) }),
  );

  r.post(
    '/api/v1/setup',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['setup'],
        summary: 'Create the first owner and the first workspace.',
        description:
          `Works once, while no account exists; afterwards 409 CAIRN_SETUP_ALREADY_DONE. Signs the new owner in ` +
          `(sets \`${sessionCookieName}\`) and returns the csrfToken for cookie-authenticated writes.`,
        security: [],
        body: Type.Object(
          {
            email: EmailSchema,
            password: NewPasswordSchema,
            name: Type.Optional(NameSchema),
            workspaceName: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ user: User, workspace: Workspace, csrfToken: Type.String() }),
          409: ErrorEnvelope,
          ...standardErrors,
        },
      },
    },
    async (request, reply) => {
      const ctx = domainContext(request, deps.store, deps.now);
      const { workspace, session } = await completeSetup(ctx, request.body, deps.config.sessionTtlHours);
      setSessionCookie(reply, request, deps.config, session.sessionSecret);
      return reply.code(201).send({ user: session.user, workspace, csrfToken: session.csrfToken });
    },
  );
}
