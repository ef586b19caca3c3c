import type { FastifyRequest } from 'fastify';
import type { Actor } from '../domains/access/actor.js';
import type { WorkspacePredicate } from '../domains/access/permissions.js';
import type { Clock, DomainContext } from '../domains/context.js';
import type { Store } from '../store/port.js';

// Defined beside the domains (which must not import HTTP modules); re-exported for route files.
export type { Clock, DomainContext } from '../domains/context.js';

/**
 * What a route requires before its handler runs. Every route must declare one (app assembly refuses to start
 * otherwise), so no route is ever public by accident.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'workspace'; predicate: WorkspacePredicate; action: string }
  | { kind: 'instance'; predicate: (actor: Actor) => boolean; action: string }
  /** Ingestion: the route itself checks the SDK write key (Basic auth or body), no session or bearer applies. */
  | { kind: 'write-key' };

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route with its access rule, recorded at registration (the role-matrix test walks this list). */
    declaredRoutes: readonly DeclaredRoute[];
  }
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string | undefined;
  }
}

export function domainContext(request: FastifyRequest, store: Store, now: Clock): DomainContext {
  return { store, actor: request.actor, now, ip: request.ip ?? null };
}
