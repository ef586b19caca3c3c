import type { QueryPlan } from '../../analytics-port.js';
import { answerDistributionSql } from './answer-distribution-sql.js';
import { channelSwitchSql } from './channel-switch-sql.js';
import { funnelSql } from './funnel-sql.js';
import { journeySql } from './journey-sql.js';
import { keyMomentsSql } from './key-moments-sql.js';
import { metricSql } from './metric-sql.js';
import { pathsSql } from './paths-sql.js';
import { retentionSql } from './retention-sql.js';
import type { BuiltSql } from './sql-params.js';

/** The DuckDB query builder: one function per plan kind. Exhaustive; an unknown kind throws instead of passing. */
export function buildDuckDbSql(plan: QueryPlan): BuiltSql {
  switch (plan.kind) {
    case 'metric':
      return metricSql(plan);
    case 'funnel':
      return funnelSql(plan);
    case 'paths':
      return pathsSql(plan);
    case 'retention':
      return retentionSql(plan);
    case 'channel_switch':
      return channelSwitchSql(plan);
    case 'journey':
      return journeySql(plan);
    case 'key_moments':
      return keyMomentsSql(plan);
    case 'answer_distribution':
      return answerDistributionSql(plan);
    default: {
      const unknown: never = plan;
      throw new Error(`No DuckDB builder for query kind ${(unknown as { kind: string }).kind}`);
    }
  }
}
