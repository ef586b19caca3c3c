import type { SurveyDefinition, SurveySettings, SurveyStatus } from '@cairn/protocol';
import type {
  SurveyRecord,
  SurveyRepo,
  SurveyStore,
  WorkspaceSurveySettingsRepo,
} from '../../survey-port.js';
import type { DuckDbDatabase, SqlExecutor } from '../database.js';
import { jsonObject, type Row, str } from '../values.js';
import { auditRepo } from './audit.js';
import { surveyDistributionRepo } from './surveys-distribution.js';
import { contactLedgerRepo } from './surveys-ledger.js';
import { surveyRespondentRepo } from './surveys-respondents.js';
import { surveyResponseRepo } from './surveys-responses.js';

const columns = 'id, workspace_id, name, status, current_version, settings, created_at, updated_at';

const toSurvey = (r: Row): SurveyRecord => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  name: str(r.name),
  status: str(r.status) as SurveyStatus,
  currentVersion: Number(r.current_version),
  settings: jsonObject(r.settings) as SurveySettings,
  createdAt: str(r.created_at),
  updatedAt: str(r.updated_at),
});

export function surveyRepo(db: SqlExecutor): SurveyRepo {
  return {
    async insert(s) {
      await db.run(
        `INSERT INTO surveys (${columns}) VALUES ($1, $2, $3, $4, $5, $6::JSON, $7::TIMESTAMPTZ, $8::TIMESTAMPTZ)`,
        [
          s.id,
          s.workspaceId,
          s.name,
          s.status,
          s.currentVersion,
          JSON.stringify(s.settings),
          s.createdAt,
          s.updatedAt,
        ],
      );
    },
    async get(workspaceId, id) {
      const rows = await db.all(`SELECT ${columns} FROM surveys WHERE workspace_id = $1 AND id = $2`, [
        workspaceId,
        id,
      ]);
      return rows[0] ? toSurvey(rows[0]) : null;
    },
    async list(workspaceId) {
      const rows = await db.all(`SELECT ${columns} FROM surveys WHERE workspace_id = $1 ORDER BY id DESC`, [
        workspaceId,
      ]);
      return rows.map(toSurvey);
    },
    async listLive() {
      const rows = await db.all(`SELECT ${columns} FROM surveys WHERE status = 'live' ORDER BY id`);
      return rows.map(toSurvey);
    },
    async update(s) {
      await db.run(
        `UPDATE surveys SET name = $3, status = $4, current_version = $5, settings = $6::JSON, updated_at = $7::TIMESTAMPTZ
         WHERE workspace_id = $1 AND id = $2`,
        [s.workspaceId, s.id, s.name, s.status, s.currentVersion, JSON.stringify(s.settings), s.updatedAt],
      );
    },
    async insertVersion(v) {
      await db.run(
        `INSERT INTO survey_versions (survey_id, workspace_id, version, definition, created_at)
         VALUES ($1, $2, $3, $4::JSON, $5::TIMESTAMPTZ)`,
        [v.surveyId, v.workspaceId, v.version, JSON.stringify(v.definition), v.createdAt],
      );
    },
    async getVersion(workspaceId, surveyId, version) {
      const rows = await db.all(
        `SELECT survey_id, workspace_id, version, definition, created_at FROM survey_versions
         WHERE workspace_id = $1 AND survey_id = $2 AND version = $3`,
        [workspaceId, surveyId, version],
      );
      const r = rows[0];
      return r
        ? {
            surveyId: str(r.survey_id),
            workspaceId: str(r.workspace_id),
            version: Number(r.version),
            definition: jsonObject(r.definition) as unknown as SurveyDefinition,
            createdAt: str(r.created_at),
          }
        : null;
    },
  };
}

function workspaceSurveySettingsRepo(db: SqlExecutor): WorkspaceSurveySettingsRepo {
  return {
    async get(workspaceId) {
      const rows = await db.all('SELECT settings FROM workspace_survey_settings WHERE workspace_id = $1', [
        workspaceId,
      ]);
      return rows[0] ? jsonObject(rows[0].settings) : null;
    },
    async put(workspaceId, settings, at) {
      await db.run(
        `INSERT INTO workspace_survey_settings (workspace_id, settings, updated_at) VALUES ($1, $2::JSON, $3::TIMESTAMPTZ)
         ON CONFLICT (workspace_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
        [workspaceId, JSON.stringify(settings), at],
      );
    },
  };
}

/** The survey part of the DuckDB store (wired into openDuckDbStore as `surveys`). */
export function surveyStore(database: DuckDbDatabase): SurveyStore {
  const db = database.autocommit;
  return {
    definitions: surveyRepo(db),
    distribution: surveyDistributionRepo(db),
    responses: surveyResponseRepo(database),
    contacts: contactLedgerRepo(db),
    respondents: surveyRespondentRepo(db),
    settings: workspaceSurveySettingsRepo(db),
    transaction: (work) =>
      database.transaction((tx) => work({ definitions: surveyRepo(tx), audit: auditRepo(tx) })),
  };
}
