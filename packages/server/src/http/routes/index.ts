import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Ingestor } from '../../domains/collect/ingestor.js';
import type { WriteKeyResolver } from '../../domains/collect/write-key-resolver.js';
import { segmentCatalog } from '../../domains/segments/segment-catalog.js';
import { touchpointCatalog } from '../../domains/touchpoints/touchpoint-catalog.js';
import type { Store } from '../../store/port.js';
import type { Clock } from '../context.js';
import type { Metrics } from '../metrics.js';
import { adminRoutes } from './admin.js';
import { apiTokenRoutes } from './api-tokens.js';
import { auditLogRoutes } from './audit-log.js';
import { authRoutes } from './auth.js';
import { collectRoutes } from './collect.js';
import { dashboardRoutes } from './dashboard.js';
import { journeyRoutes } from './journeys.js';
import { memberRoutes } from './members.js';
import { customMetricRoutes } from './metrics.js';
import { profileRoutes } from './profiles.js';
import { queryRoutes } from './query.js';
import { sdkBundleRoutes } from './sdk-bundle.js';
import { segmentRoutes } from './segments.js';
import { setupRoutes } from './setup.js';
import { surveyRoutes } from './surveys.js';
import { systemRoutes } from './system.js';
import { textEmergingTopicRoutes } from './text-emerging-topics.js';
import { textTaxonomyRoutes } from './text-taxonomy.js';
import { touchpointRoutes } from './touchpoints.js';
import { userRoutes } from './users.js';
import { workspaceRoutes } from './workspaces.js';
import { writeKeyRoutes } from './write-keys.js';

export interface RouteDependencies {
  config: Config;
  store: Store;
  now: Clock;
  metrics: Metrics;
  ingestor: Ingestor;
  writeKeys: WriteKeyResolver;
}

/** One routes file per domain, registered here. */
export async function registerRoutes(app: FastifyInstance, deps: RouteDependencies): Promise<void> {
  // Shared by the routes that change them (and invalidate them) and the survey domain (which reads them per request).
  const touchpoints = touchpointCatalog(deps.store);
  const segments = segmentCatalog(deps.store);
  systemRoutes(app, deps);
  setupRoutes(app, deps);
  authRoutes(app, deps);
  userRoutes(app, deps);
  workspaceRoutes(app, deps);
  memberRoutes(app, deps);
  apiTokenRoutes(app, deps);
  writeKeyRoutes(app, deps);
  auditLogRoutes(app, deps);
  await adminRoutes(app, deps);
  profileRoutes(app, deps);
  textTaxonomyRoutes(app, deps);
  textEmergingTopicRoutes(app, deps);
  queryRoutes(app, deps);
  touchpointRoutes(app, { ...deps, touchpoints });
  segmentRoutes(app, { ...deps, segments });
  journeyRoutes(app, deps);
  customMetricRoutes(app, deps);
  await app.register(async (scope) =>
    collectRoutes(scope, { ...deps, rateLimitPerMinute: deps.config.ingestRateLimitPerMinute }),
  );
  await surveyRoutes(app, { ...deps, touchpoints, segments });
  sdkBundleRoutes(app);
  await app.register(dashboardRoutes);
}
