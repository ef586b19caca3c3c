import type { SurveySettings } from '@cairn/protocol';
import type { LocalisedDefinition } from './localise.js';
import { localiseDefinition, pickLanguage } from './localise.js';
import { ingestSurveyEvents, type RespondentIds, sampled } from './respondent.js';
import type { CachedSurvey } from './survey-catalog.js';
import type { SurveyServices } from './survey-services.js';

export interface EligibilityQuery extends RespondentIds {
  url?: string | undefined;
  event?: string | undefined;
  locale?: string | undefined;
}

export interface OfferedSurvey {
  id: string;
  version: number;
  definition: LocalisedDefinition;
  trigger: NonNullable<SurveySettings['trigger']>;
  display: NonNullable<SurveySettings['display']>;
}

const patterns = new Map<string, RegExp>();

/** URL patterns are globs on the full URL: `*` matches any run of characters, everything else literally. */
export function urlMatches(pattern: string, url: string): boolean {
  let re = patterns.get(pattern);
  if (!re) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${body}$`, 'i');
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(pattern, re);
  }
  return re.test(url);
}

/** Trigger: listed events require one of them; a URL pattern requires a matching page. */
function triggerFits(settings: SurveySettings, query: EligibilityQuery): boolean {
  const trigger = settings.trigger ?? {};
  if (trigger.events?.length && !(query.event && trigger.events.includes(query.event))) return false;
  if (trigger.urlPattern && !(query.url && urlMatches(trigger.urlPattern, query.url))) return false;
  return true;
}

function traitsFit(
  wanted: Record<string, string> | undefined,
  traits: Record<string, { value: unknown }>,
): boolean {
  return Object.entries(wanted ?? {}).every(([name, value]) => {
    const actual = traits[name]?.value;
    return actual !== undefined && actual !== null && String(actual) === value;
  });
}

/**
 * "Anything for me now?" from the SDK. Cheap checks first (live status and trigger from the in-memory catalog,
 * deterministic sampling), then the profile's contact ledger (cached), then traits (one read, only for a
 * candidate that passed everything else). The oldest fitting survey wins.
 */
export async function eligibleSurvey(
  services: SurveyServices,
  workspaceId: string,
  query: EligibilityQuery,
): Promise<OfferedSurvey | null> {
  const candidates = (await services.catalog.liveSurveys(workspaceId)).filter((c) =>
    triggerFits(c.survey.settings, query),
  );
  if (candidates.length === 0) return null;
  const profileId = await services.respondents.profileOf(workspaceId, query);
  const who = profileId ?? query.userId ?? query.anonymousId;
  if (!who) return null;
  for (const candidate of [...candidates].sort((a, b) =>
    a.survey.createdAt.localeCompare(b.survey.createdAt),
  )) {
    const { settings } = candidate.survey;
    if (!sampled(candidate.survey.id, who, settings.targeting?.samplePercent)) continue;
    if (profileId && (await services.ledger.verdict(workspaceId, profileId, candidate.survey.id, settings)))
      continue;
    const wantsTraits = Object.keys(settings.targeting?.traits ?? {}).length > 0;
    if (wantsTraits && !profileId) continue;
    const traits = profileId ? await services.respondents.traitsOf(workspaceId, profileId) : {};
    if (!traitsFit(settings.targeting?.traits, traits)) continue;
    return offer(candidate, [traits.locale?.value as string | undefined, query.locale]);
  }
  return null;
}

function offer(candidate: CachedSurvey, languages: (string | undefined)[]): OfferedSurvey {
  const { survey, definition } = candidate;
  return {
    id: survey.id,
    version: survey.currentVersion,
    definition: localiseDefinition(definition, pickLanguage(definition, languages)),
    trigger: survey.settings.trigger ?? {},
    display: survey.settings.display ?? {},
  };
}

/**
 * The SDK showed a survey: record the contact in the ledger (so every channel's budget sees it) and put a
 * `Survey Shown` event on the timeline. An unknown visitor gets a profile through the ingestion pipeline first.
 */
export async function recordShown(
  services: SurveyServices,
  workspaceId: string,
  surveyId: string,
  ids: RespondentIds,
  facts: { channel: string; userAgent: string | null },
): Promise<{ profileId: string | null }> {
  const cached = await services.catalog.liveSurvey(workspaceId, surveyId);
  if (!cached || (!ids.anonymousId && !ids.userId)) return { profileId: null };
  const at = services.now();
  const day = at.toISOString().slice(0, 10);
  // One Survey Shown event per profile, survey and day: reloads do not flood the timeline.
  const messageId = `shown:${surveyId}:${ids.userId ?? ids.anonymousId}:${day}`;
  await ingestSurveyEvents(
    services.ingestor,
    workspaceId,
    ids,
    [{ messageId, event: 'Survey Shown', properties: { surveyId } }],
    {
      channel: facts.channel,
      locale: '',
      userAgent: facts.userAgent,
    },
  );
  const profileId = await services.respondents.profileAfterIngest(workspaceId, ids);
  if (profileId) {
    await services.ledger.record([
      { workspaceId, profileId, surveyId, channel: facts.channel, kind: 'shown', at: at.toISOString() },
    ]);
  }
  return { profileId };
}
