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

/** One workspace's contacts within the lookback, by profile. */
interface WorkspaceLedger {
  byProfile: Map<string, ContactRecord[]>;
  /** Loaded in full: a profile without an entry has no contacts (no store read). */
  complete: boolean;
  /** Contacts written while the workspace loads, added on top once loaded. */
  pending: ContactRecord[] | null;
  ready: Promise<void>;
}

/**
 * The contact ledger in memory: eligibility is asked on page views (issue 4: ≥ 10k/s, p99 ≤ 20 ms), so the check
 * must not read the ledger table. A workspace's contacts of the last `lookbackDays` are loaded in one query on
 * first use; this process is the only writer, so write-through (`record`, `remember`) keeps them exact. A
 * workspace with more than `maxProfiles` contacted profiles falls back to per-profile reads, cached.
 */
export class FatigueLedger {
  private readonly ledgers = new Map<string, WorkspaceLedger>();
  private readonly settingsCache = new Map<
    string,
    { value: Record<string, unknown> | null; expires: number }
  >();

  /** Drops everything cached (after a restore the stored contacts are different ones). */
  forgetAll(): void {
    this.ledgers.clear();
    this.settingsCache.clear();
  }

  constructor(
    private readonly store: Store,
    private readonly now: Clock,
    private readonly maxProfiles = 100_000,
  ) {}

  async contacts(workspaceId: string, profileId: string): Promise<ContactRecord[]> {
    const ledger = await this.ledger(workspaceId);
    const hit = ledger.byProfile.get(profileId);
    if (hit) return hit;
    if (ledger.complete) return [];
    const loaded = await this.store.surveys.contacts.since(workspaceId, [profileId], this.since());
    if (ledger.byProfile.size >= this.maxProfiles) ledger.byProfile.clear();
    // A contact remembered while this read ran is newer: keep it on top.
    ledger.byProfile.set(profileId, [...(ledger.byProfile.get(profileId) ?? []), ...loaded]);
    return ledger.byProfile.get(profileId) as ContactRecord[];
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
      const ledger = this.ledgers.get(c.workspaceId);
      if (!ledger) continue; // not loaded: the first use reads the store, which holds the contact
      if (ledger.pending) ledger.pending.push(c);
      else this.add(ledger, c);
    }
  }

  private add(ledger: WorkspaceLedger, contact: ContactRecord): void {
    const list = ledger.byProfile.get(contact.profileId);
    if (list) list.unshift(contact);
    else if (ledger.complete) {
      if (ledger.byProfile.size >= this.maxProfiles) {
        ledger.byProfile.clear();
        ledger.complete = false;
        return;
      }
      ledger.byProfile.set(contact.profileId, [contact]);
    }
  }

  private since(): string {
    return new Date(this.now().getTime() - lookbackDays * day).toISOString();
  }

  private async ledger(workspaceId: string): Promise<WorkspaceLedger> {
    let ledger = this.ledgers.get(workspaceId);
    if (!ledger) {
      const created: WorkspaceLedger = {
        byProfile: new Map(),
        complete: false,
        pending: [],
        ready: Promise.resolve(),
      };
      created.ready = this.load(workspaceId, created);
      created.ready.catch(() => this.ledgers.delete(workspaceId));
      this.ledgers.set(workspaceId, created);
      ledger = created;
    }
    await ledger.ready;
    return ledger;
  }

  /** One query for the workspace, bounded so a huge ledger is never held whole (then per-profile reads). */
  private async load(workspaceId: string, ledger: WorkspaceLedger): Promise<void> {
    const limit = this.maxProfiles * 4;
    const rows = await this.store.surveys.contacts.workspaceSince(workspaceId, this.since(), limit + 1);
    const byProfile = new Map<string, ContactRecord[]>();
    for (const c of rows) {
      const list = byProfile.get(c.profileId);
      if (list) list.push(c);
      else byProfile.set(c.profileId, [c]);
    }
    if (rows.length <= limit && byProfile.size <= this.maxProfiles) {
      for (const [profileId, list] of byProfile) ledger.byProfile.set(profileId, list);
      ledger.complete = true;
    }
    const pending = ledger.pending ?? [];
    ledger.pending = null;
    // Rows are newest first; contacts written during the load are newer still (a duplicate changes no verdict).
    for (const c of pending) this.add(ledger, c);
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
