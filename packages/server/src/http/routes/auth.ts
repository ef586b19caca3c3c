import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { describeActor } from '../../domains/access/me.js';
import { login, logout } from '../../domains/access/sessions.js';
import { passwordMaxLength } from '../../domains/access/validation.js';
import { sessionCookieName } from '../access-hook.js';
import { EmailSchema, NoContent, RoleSchema, User } from '../access-schemas.js';
import { domainContext } from '../context.js';
import { authenticatedAccess, publicAccess } from '../route-access.js';
import { standardErrors, Uuid } from '../schemas.js';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.js';
import type { RouteDependencies } from './index.js';

/** Password guessing is the attack login invites; ten tries a minute per client is plenty for people. */
export const loginAttemptsPerMinute = 10;

export function authRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: publicAccess, rateLimit: { max: loginAttemptsPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password.',
        description:
          `Sets the \`${sessionCookieName}\` cookie. Cookie-authenticated writes must send the returned ` +
          `csrfToken in X-CSRF-Token. Limited to ${loginAttemptsPerMinute} attempts a minute per client.`,
        security: [],
        body: Type.Object(
          { email: EmailSchema, password: Type.String({ minLength: 1, maxLength: passwordMaxLength }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ user: User, csrfToken: Type.String() }), ...standardErrors },
      },
    },
    async (request, reply) => {
      const ctx = domainContext(request, deps.store, deps.now);
      const session = await login(ctx, request.body, deps.config.sessionTtlHours);
      setSessionCookie(reply, request, deps.config, session.sessionSecret);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      config: { access: authenticatedAccess },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session and clears the cookie.',
        description: 'With a bearer token this only clears a session cookie the client may also hold.',
        response: { 204: NoContent, ...standardErrors },
      },
    },
    async (request, reply) => {
      await logout(domainContext(request, deps.store, deps.now), request.cookies[sessionCookieName]);
      clearSessionCookie(reply, request, deps.config);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    {
      config: { access: authenticatedAccess },
      schema: {
        tags: ['auth'],
        summary: 'Who am I: the caller, its workspaces and roles.',
        description: 'For cookie sessions the response carries the csrfToken the dashboard needs for writes.',
        response: {
          200: Type.Object({
            actor: Type.Object({ kind: Type.Enum(['user', 'api-token', 'operator']) }),
            user: Type.Optional(User),
            workspaces: Type.Array(Type.Object({ id: Uuid, name: Type.String(), role: RoleSchema })),
            csrfToken: Type.Optional(Type.String()),
          }),
          ...standardErrors,
        },
      },
    },
    async (request) => describeActor(domainContext(request, deps.store, deps.now), request.csrfToken),
  );
}
