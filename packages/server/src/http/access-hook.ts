import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, anonymous } from '../domains/access/actor.js';
import { authenticate, type OperatorSecrets } from '../domains/access/authenticate.js';
import { constantTimeEqual } from '../domains/access/secrets.js';
import { CairnError, forbidden } from '../errors/catalogue.js';
import type { Store } from '../store/port.js';
import type { Clock, DeclaredRoute, RouteAccess } from './context.js';

export const sessionCookieName = 'cairn_session';
export const csrfHeaderName = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Refuses to register a route that does not say who may call it, and records the rule of every route. */
export function requireAccessDeclarations(app: FastifyInstance): void {
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    // HEAD mirrors GET; OPTIONS are CORS preflights answered by @fastify/cors and reveal nothing.
    if (route.method === 'HEAD' || route.method === 'OPTIONS' || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access).`);
    }
    for (const method of [route.method].flat()) declared.push({ method, url: route.url, access });
  });
}

function check(access: RouteAccess, request: FastifyRequest): void {
  const { actor } = request;
  if (access.kind === 'public') return;
  if (actor.kind === 'anonymous') throw new CairnError('CAIRN_UNAUTHENTICATED');
  if (access.kind === 'workspace') {
    const workspaceId = (request.params as { workspaceId?: string }).workspaceId ?? '';
    if (!access.predicate(actor, workspaceId)) throw forbidden(access.action);
  } else if (access.kind === 'instance') {
    if (!access.predicate(actor)) throw forbidden(access.action);
  }
}

/**
 * Runs on every request before the body is parsed: resolve the actor, enforce the route's access rule, and
 * require the CSRF token on cookie-authenticated writes (bearer requests cannot be forged by another site).
 */
export function installAccessHook(
  app: FastifyInstance,
  store: Store,
  operator: OperatorSecrets,
  now: Clock,
): void {
  // Fastify forbids object defaults on decorators (they would be shared between requests), hence null here.
  app.decorateRequest('actor', null as unknown as { getter: () => Actor });
  app.decorateRequest('csrfToken', undefined);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    const access = request.routeOptions.config?.access;
    if (!access || access.kind === 'write-key') return; // unmatched routes reach the not-found handler
    const auth = await authenticate(
      store,
      operator,
      { bearer: bearerOf(request), sessionCookie: request.cookies?.[sessionCookieName] },
      now(),
    );
    request.actor = auth.actor;
    request.csrfToken = auth.csrfToken;
    if (auth.rejected && access.kind !== 'public') throw new CairnError('CAIRN_UNAUTHENTICATED');
    check(access, request);
    if (auth.csrfToken && !safeMethods.has(request.method)) {
      const sent = request.headers[csrfHeaderName];
      if (typeof sent !== 'string' || !constantTimeEqual(sent, auth.csrfToken)) {
        throw new CairnError('CAIRN_CSRF_REJECTED');
      }
    }
  });
}
