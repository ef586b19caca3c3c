import type { FastifyRequest } from 'fastify';
import type { Actor } from '../domains/access/actor.js';
import type { WorkspacePredicate } from '../domains/access/permissions.js';
import type { Store } from '../store/port.js';

/**
 * What a route requires before its handler runs. Every route must declare one (app assembly refuses to start
 * otherwise), so no route is ever public by accident.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'workspace'; predicate: WorkspacePredicate; action: string }
  | { kind: 'instance'; predicate: (actor: Actor) => boolean; action: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string | undefined;
  }
}

/** Everything a domain function needs about the caller, without any HTTP object. */
export interface DomainContext {
  store: Store;
  actor: Actor;
  now: () => Date;
  ip: string | null;
}

export type Clock = () => Date;

export function domainContext(request: FastifyRequest, store: Store, now: Clock): DomainContext {
  return { store, actor: request.actor, now, ip: request.ip ?? null };
}
