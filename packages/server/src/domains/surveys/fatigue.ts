import type { SurveySettings } from '@cairn/protocol';
import type { Store } from '../../store/port.js';
import type { ContactRecord } from '../../store/survey-port.js';
import type { Clock } from '../context.js';

/** The one contact budget every channel (web/app intercepts, e-mail, link) consults before contacting anyone. */
export interface FatigueBudget {
  /** Days after any contact with another survey during which no survey is offered. */
  globalCooldownDays: number;
  /** Days after a contact with this survey during which it is not offered again. */
  surveyCooldownDays: number;
  /** At most this many different surveys per profile within `periodDays`. */
  maxContactsPerPeriod: number;
  periodDays: number;
}

export const defaultFatigueBudget: FatigueBudget = {
  globalCooldownDays: 14,
  surveyCooldownDays: 30,
  maxContactsPerPeriod: 2,
  periodDays: 30,
};

export type FatigueVerdict = 'global-cooldown' | 'survey-cooldown' | 'max-per-period' | null;

const day = 86_400_000;
/** How far back contacts are kept in memory; longer per-survey cooldowns are capped at this. */
const lookbackDays = 400;

function pickNumbers(source: Record<string, unknown> | undefined): Partial<FatigueBudget> {
  const out: Partial<FatigueBudget> = {};
  for (const key of Object.keys(defaultFatigueBudget) as (keyof FatigueBudget)[]) {
    const value = source?.[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[key] = value;
  }
  return out;
}

/** Defaults ← workspace settings (`fatigue` key) ← the survey's own overrides. */
export function budgetFor(
  workspaceSettings: Record<string, unknown> | null,
  survey: SurveySettings,
): FatigueBudget {
  const workspace = pickNumbers(workspaceSettings?.fatigue as Record<string, unknown> | undefined);
  return { ...defaultFatigueBudget, ...workspace, ...pickNumbers(survey.fatigue) };
}

/** Why `surveyId` may not contact a profile with these past contacts now, or null when it may. */
export function fatigueVerdict(
  contacts: ContactRecord[],
  surveyId: string,
  budget: FatigueBudget,
  now: Date,
): FatigueVerdict {
  const t = now.getTime();
  const within = (c: ContactRecord, days: number) => t - Date.parse(c.at) < days * day;
  if (contacts.some((c) => c.surveyId === surveyId && within(c, budget.surveyCooldownDays)))
    return 'survey-cooldown';
  if (contacts.some((c) => c.surveyId !== surveyId && within(c, budget.globalCooldownDays)))
    return 'global-cooldown';
  const surveysInPeriod = new Set(
    contacts.filter((c) => within(c, budget.periodDays)).map((c) => c.surveyId),
  );
  if (surveysInPeriod.size >= budget.maxContactsPerPeriod) return 'max-per-period';
  return null;
}

/**
 * The contact ledger with an in-memory read cache: eligibility is asked on page views, so the check must not scan
 * the ledger table each time. This process is the only writer, so write-through keeps the cache exact.
 */
export class FatigueLedger {
  private readonly cache = new Map<string, Promise<ContactRecord[]>>();
  private readonly settingsCache = new Map<
    string,
    { value: Record<string, unknown> | null; expires: number }
  >();

  /** Drops everything cached (after a restore the stored contacts are different ones). */
  forgetAll(): void {
    this.cache.clear();
    this.settingsCache.clear();
  }

  constructor(
    private readonly store: Store,
    private readonly now: Clock,
    private readonly maxProfiles = 100_000,
  ) {}

  contacts(workspaceId: string, profileId: string): Promise<ContactRecord[]> {
    const key = `${workspaceId}\0${profileId}`;
    let entry = this.cache.get(key);
    if (!entry) {
      if (this.cache.size >= this.maxProfiles) this.cache.clear();
      const since = new Date(this.now().getTime() - lookbackDays * day).toISOString();
      entry = this.store.surveys.contacts.since(workspaceId, [profileId], since);
      entry.catch(() => this.cache.delete(key));
      this.cache.set(key, entry);
    }
    return entry;
  }

  async verdict(
    workspaceId: string,
    profileId: string,
    surveyId: string,
    settings: SurveySettings,
  ): Promise<FatigueVerdict> {
    const [contacts, workspaceSettings] = await Promise.all([
      this.contacts(workspaceId, profileId),
      this.workspaceSettings(workspaceId),
    ]);
    return fatigueVerdict(contacts, surveyId, budgetFor(workspaceSettings, settings), this.now());
  }

  /** Stores contacts and updates the cache. */
  async record(contacts: ContactRecord[]): Promise<void> {
    await this.store.surveys.contacts.append(contacts);
    await this.remember(contacts);
  }

  /** Updates the cache for contacts another writer (the response group commit) already stored. */
  async remember(contacts: ContactRecord[]): Promise<void> {
    for (const c of contacts) {
      const entry = this.cache.get(`${c.workspaceId}\0${c.profileId}`);
      if (entry) (await entry.catch(() => [] as ContactRecord[])).unshift(c);
    }
  }

  /** Workspace survey settings change rarely: cached for 5 s. */
  async workspaceSettings(workspaceId: string): Promise<Record<string, unknown> | null> {
    const at = this.now().getTime();
    const hit = this.settingsCache.get(workspaceId);
    if (hit && hit.expires > at) return hit.value;
    const value = await this.store.surveys.settings.get(workspaceId);
    this.settingsCache.set(workspaceId, { value, expires: at + 5_000 });
    return value;
  }

  forgetWorkspaceSettings(workspaceId: string): void {
    this.settingsCache.delete(workspaceId);
  }
}
