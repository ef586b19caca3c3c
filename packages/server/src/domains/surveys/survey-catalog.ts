import type { SurveyDefinition, SurveyStatus } from '@cairn/protocol';
import { uuidv7 } from 'uuidv7';
import type { Store } from '../../store/port.js';
import type { SurveyRecord } from '../../store/survey-port.js';
import type { Clock } from '../context.js';

export interface CachedSurvey {
  survey: SurveyRecord;
  definition: SurveyDefinition;
  responses: number;
}

/** A live survey is closed once its close date has passed or its response quota is reached. */
export function effectiveStatus(survey: SurveyRecord, now: Date, responses: number): SurveyStatus {
  if (survey.status !== 'live') return survey.status;
  const { closeAt, responseQuota } = survey.settings;
  if (closeAt && Date.parse(closeAt) <= now.getTime()) return 'closed';
  if (responseQuota !== undefined && responses >= responseQuota) return 'closed';
  return 'live';
}

/**
 * Live survey definitions in memory: the SDK asks "anything for me now?" on page views, so the eligibility check
 * must not read definitions from the store each time. One process owns the store, so every change goes through
 * this process and invalidates the workspace's entry; versions never change once written, so they are cached
 * without expiry.
 */
export class SurveyCatalog {
  private readonly live = new Map<string, Promise<CachedSurvey[]>>();
  private readonly versions = new Map<string, SurveyDefinition>();

  /** Drops everything cached (after a restore the stored surveys are different ones). */
  forgetAll(): void {
    this.live.clear();
    this.versions.clear();
  }

  constructor(
    private readonly store: Store,
    private readonly now: Clock,
  ) {}

  /** Live surveys of the workspace (closed by date or quota already filtered out). */
  async liveSurveys(workspaceId: string): Promise<CachedSurvey[]> {
    let entry = this.live.get(workspaceId);
    if (!entry) {
      entry = this.load(workspaceId);
      this.live.set(workspaceId, entry);
      entry.catch(() => this.live.delete(workspaceId));
    }
    const now = this.now();
    return (await entry).filter((c) => effectiveStatus(c.survey, now, c.responses) === 'live');
  }

  async liveSurvey(workspaceId: string, surveyId: string): Promise<CachedSurvey | undefined> {
    return (await this.liveSurveys(workspaceId)).find((c) => c.survey.id === surveyId);
  }

  async version(workspaceId: string, surveyId: string, version: number): Promise<SurveyDefinition | null> {
    const key = `${surveyId}@${version}`;
    const hit = this.versions.get(key);
    if (hit) return hit;
    const record = await this.store.surveys.definitions.getVersion(workspaceId, surveyId, version);
    if (record) this.versions.set(key, record.definition);
    return record?.definition ?? null;
  }

  invalidate(workspaceId: string): void {
    this.live.delete(workspaceId);
  }

  /**
   * Counts new responses; when a quota is reached the survey is closed for good (status stored, audited as a
   * system action) so it stays closed after a restart.
   */
  async countNewResponses(workspaceId: string, surveyId: string, added: number): Promise<void> {
    const cached = await this.liveSurvey(workspaceId, surveyId);
    if (!cached) return;
    cached.responses += added;
    const quota = cached.survey.settings.responseQuota;
    if (quota === undefined || cached.responses < quota) return;
    const at = this.now().toISOString();
    const closed: SurveyRecord = { ...cached.survey, status: 'closed', updatedAt: at };
    await this.store.surveys.transaction(async (tx) => {
      await tx.definitions.update(closed);
      await tx.audit.append({
        id: uuidv7(),
        workspaceId,
        actorType: 'system',
        actorId: null,
        action: 'survey.status-change',
        targetType: 'survey',
        targetId: surveyId,
        details: { from: 'live', to: 'closed', reason: 'response quota reached' },
        ip: null,
        at,
      });
    });
    this.invalidate(workspaceId);
  }

  private async load(workspaceId: string): Promise<CachedSurvey[]> {
    const surveys = (await this.store.surveys.definitions.list(workspaceId)).filter(
      (s) => s.status === 'live',
    );
    return Promise.all(
      surveys.map(async (survey) => {
        const [definition, responses] = await Promise.all([
          this.version(workspaceId, survey.id, survey.currentVersion),
          this.store.surveys.responses.count(workspaceId, survey.id),
        ]);
        if (!definition) throw new Error(`Survey ${survey.id} lacks version ${survey.currentVersion}.`);
        return { survey, definition, responses };
      }),
    );
  }
}
