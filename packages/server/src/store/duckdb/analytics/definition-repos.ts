import type {
  CustomMetricRecord,
  CustomMetricRepo,
  JourneyRecord,
  JourneyRepo,
} from '../../analytics-definitions-port.js';
import type { SqlExecutor } from '../database.js';
import { type Row, str, strOrNull } from '../values.js';

/** Journeys and custom metrics (migration 0010): definitions as JSON columns, bound parameters only. */

const journeyColumns = 'id, workspace_id, name, description, stages, created_at, updated_at';

const toJourney = (r: Row): JourneyRecord => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  name: str(r.name),
  description: str(r.description),
  stages: JSON.parse(str(r.stages)) as JourneyRecord['stages'],
  createdAt: str(r.created_at),
  updatedAt: str(r.updated_at),
});

export function journeyRepo(db: SqlExecutor): JourneyRepo {
  return {
    insert: (j) =>
      db.run(
        `INSERT INTO journeys (${journeyColumns})
         VALUES ($1, $2, $3, $4, $5::JSON, $6::TIMESTAMPTZ, $7::TIMESTAMPTZ)`,
        [j.id, j.workspaceId, j.name, j.description, JSON.stringify(j.stages), j.createdAt, j.updatedAt],
      ),
    async list(workspaceId) {
      const rows = await db.all(
        `SELECT ${journeyColumns} FROM journeys WHERE workspace_id = $1 ORDER BY name, id`,
        [workspaceId],
      );
      return rows.map(toJourney);
    },
    async get(workspaceId, id) {
      const rows = await db.all(
        `SELECT ${journeyColumns} FROM journeys WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id],
      );
      return rows[0] ? toJourney(rows[0]) : null;
    },
    update: (j) =>
      db.run(
        `UPDATE journeys SET name = $3, description = $4, stages = $5::JSON, updated_at = $6::TIMESTAMPTZ
         WHERE id = $1 AND workspace_id = $2`,
        [j.id, j.workspaceId, j.name, j.description, JSON.stringify(j.stages), j.updatedAt],
      ),
    remove: (workspaceId, id) =>
      db.run('DELETE FROM journeys WHERE workspace_id = $1 AND id = $2', [workspaceId, id]),
  };
}

const metricColumns =
  'id, workspace_id, key, name, source, aggregate, field, filters, denominator_filters, created_at, updated_at';

const toMetric = (r: Row): CustomMetricRecord => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  key: str(r.key),
  name: str(r.name),
  source: str(r.source) as CustomMetricRecord['source'],
  aggregate: str(r.aggregate) as CustomMetricRecord['aggregate'],
  field: strOrNull(r.field),
  filters: JSON.parse(str(r.filters)) as CustomMetricRecord['filters'],
  denominatorFilters:
    r.denominator_filters === null || r.denominator_filters === undefined
      ? null
      : (JSON.parse(str(r.denominator_filters)) as CustomMetricRecord['filters']),
  createdAt: str(r.created_at),
  updatedAt: str(r.updated_at),
});

const metricValues = (m: CustomMetricRecord) => [
  m.id,
  m.workspaceId,
  m.key,
  m.name,
  m.source,
  m.aggregate,
  m.field,
  JSON.stringify(m.filters),
  m.denominatorFilters === null ? null : JSON.stringify(m.denominatorFilters),
  m.createdAt,
  m.updatedAt,
];

export function customMetricRepo(db: SqlExecutor): CustomMetricRepo {
  const select = async (where: string, params: string[]) =>
    (await db.all(`SELECT ${metricColumns} FROM custom_metrics WHERE ${where} ORDER BY key, id`, params)).map(
      toMetric,
    );
  return {
    insert: (m) =>
      db.run(
        `INSERT INTO custom_metrics (${metricColumns})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::JSON, $9::JSON, $10::TIMESTAMPTZ, $11::TIMESTAMPTZ)`,
        metricValues(m),
      ),
    list: (workspaceId) => select('workspace_id = $1', [workspaceId]),
    get: async (workspaceId, id) =>
      (await select('workspace_id = $1 AND id = $2', [workspaceId, id]))[0] ?? null,
    getByKey: async (workspaceId, key) =>
      (await select('workspace_id = $1 AND key = $2', [workspaceId, key]))[0] ?? null,
    update: (m) =>
      db.run(
        `UPDATE custom_metrics SET key = $3, name = $4, source = $5, aggregate = $6, field = $7, filters = $8::JSON,
           denominator_filters = $9::JSON, updated_at = $10::TIMESTAMPTZ
         WHERE id = $1 AND workspace_id = $2`,
        [...metricValues(m).slice(0, 9), m.updatedAt],
      ),
    remove: (workspaceId, id) =>
      db.run('DELETE FROM custom_metrics WHERE workspace_id = $1 AND id = $2', [workspaceId, id]),
  };
}
