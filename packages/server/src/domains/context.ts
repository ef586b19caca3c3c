import type { Store } from '../store/port.js';
import type { Actor } from './access/actor.js';

export type Clock = () => Date;

/**
 * Everything a domain function needs about the caller, without any HTTP object: the HTTP layer builds it per
 * request, tests and the CLI can build it directly.
 */
export interface DomainContext {
  store: Store;
  actor: Actor;
  now: Clock;
  /** Client address, recorded in the audit log; null when the caller is not a network client. */
  ip: string | null;
}
