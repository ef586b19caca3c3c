import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canCreateUsers } from '../../domains/access/permissions.js';
import { createUser } from '../../domains/access/users.js';
import { EmailSchema, LocaleSchema, NameSchema, NewPasswordSchema, User } from '../access-schemas.js';
import { domainContext } from '../context.js';
import { instanceAccess } from '../route-access.js';
import { ErrorEnvelope, standardErrors } from '../schemas.js';
import type { RouteDependencies } from './index.js';

export function userRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/api/v1/users',
    {
      config: { access: instanceAccess(canCreateUsers, 'create user accounts') },
      schema: {
        tags: ['users'],
        summary: 'Create an account (operator only).',
        description:
          'The account belongs to no workspace yet; add it with POST /workspaces/{workspaceId}/members. ' +
          'Workspace admins create accounts implicitly by adding a new e-mail address as a member.',
        body: Type.Object(
          {
            email: EmailSchema,
            password: NewPasswordSchema,
            name: Type.Optional(NameSchema),
            locale: Type.Optional(LocaleSchema),
          },
          { additionalProperties: false },
        ),
        response: { 201: User, 409: ErrorEnvelope, ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = await createUser(domainContext(request, deps.store, deps.now), request.body);
      return reply.code(201).send(user);
    },
  );
}
