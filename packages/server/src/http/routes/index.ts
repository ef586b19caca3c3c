import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Store } from '../../store/port.js';
import type { Clock } from '../context.js';
import type { Metrics } from '../metrics.js';
import { systemRoutes } from './system.js';

export interface RouteDependencies {
  config: Config;
  store: Store;
  now: Clock;
  metrics: Metrics;
}

/** One routes file per domain, registered here. */
export async function registerRoutes(app: FastifyInstance, deps: RouteDependencies): Promise<void> {
  systemRoutes(app, deps);
}
