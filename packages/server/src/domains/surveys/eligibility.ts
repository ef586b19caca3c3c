import type { SurveySettings } from '@cairn/protocol';
import type { TouchpointRecord } from '../../store/analytics-port.js';
import { planFilters } from '../analytics/plan-query.js';
import { type CurrentTraits, inSegment } from '../segments/evaluate.js';
import { matchTouchpoint, pathOfUrl } from '../touchpoints/match.js';
import type { LocalisedDefinition } from './localise.js';
import { localiseDefinition, pickLanguage } from './localise.js';
import { ingestSurveyEvents, type RespondentIds, sampled } from './respondent.js';
import type { CachedSurvey } from './survey-catalog.js';
import type { SurveyServices } from './survey-services.js';

export interface EligibilityQuery extends RespondentIds {
  url?: string | undefined;
  event?: string | undefined;
  /** The triggering event's properties, for touchpoint rules with property conditions. */
  properties?: Record<string, unknown> | undefined;
  locale?: string | undefined;
}

export interface OfferedSurvey {
  id: string;
  version: number;
  definition: LocalisedDefinition;
  trigger: NonNullable<SurveySettings['trigger']>;
  display: NonNullable<SurveySettings['display']>;
  /** Where the answer is given: the trigger's matching touchpoint, else the touchpoint the survey measures. */
  touchpointId: string | null;
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

/**
 * Trigger: listed events require one of them; a URL pattern requires a matching page; listed touchpoints require
 * the event (or page view) to map to one of them. Returns false, or the touchpoint the visitor is at (null when
 * the trigger names none).
 */
function triggerFits(
  settings: SurveySettings,
  query: EligibilityQuery,
  at: TouchpointRecord | null,
): false | { touchpointId: string | null } {
  const trigger = settings.trigger ?? {};
  if (trigger.events?.length && !(query.event && trigger.events.includes(query.event))) return false;
  if (trigger.urlPattern && !(query.url && urlMatches(trigger.urlPattern, query.url))) return false;
  if (trigger.touchpoints?.length) {
    if (!at || !trigger.touchpoints.includes(at.id)) return false;
    return { touchpointId: at.id };
  }
  return { touchpointId: null };
}

/**
 * The touchpoint the visitor is at: the tracked event asked about, or a page view of the URL (a page event has no
 * event name of its own unless named, so only path rules can match it, as in the analyses).
 */
async function touchpointAt(services: SurveyServices, workspaceId: string, query: EligibilityQuery) {
  const registry = await services.touchpoints.list(workspaceId);
  if (registry.length === 0) return null;
  return matchTouchpoint(registry, {
    event: query.event ?? null,
    pagePath: pathOfUrl(query.url),
    properties: query.properties,
  });
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

/** Targeted segments: the profile must belong to at least one (a deleted segment matches nobody). */
async function segmentsFit(
  services: SurveyServices,
  workspaceId: string,
  keys: string[] | undefined,
  traits: CurrentTraits,
): Promise<boolean> {
  if (!keys?.length) return true;
  const segments = (await services.segments.list(workspaceId)).filter((s) => keys.includes(s.key));
  return segments.some((s) => inSegment(planFilters(s.conditions, 'segment.conditions'), traits));
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
  const live = await services.catalog.liveSurveys(workspaceId);
  const wantsTouchpoint = live.some((c) => c.survey.settings.trigger?.touchpoints?.length);
  const at = wantsTouchpoint ? await touchpointAt(services, workspaceId, query) : null;
  const candidates = live.flatMap((c) => {
    const fit = triggerFits(c.survey.settings, query, at);
    return fit ? [{ ...c, touchpointId: fit.touchpointId ?? c.survey.settings.touchpointId ?? null }] : [];
  });
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
    const wantsTraits =
      Object.keys(settings.targeting?.traits ?? {}).length > 0 ||
      (settings.targeting?.segments?.length ?? 0) > 0;
    if (wantsTraits && !profileId) continue;
    const traits = profileId ? await services.respondents.traitsOf(workspaceId, profileId) : {};
    if (!traitsFit(settings.targeting?.traits, traits)) continue;
    if (!(await segmentsFit(services, workspaceId, settings.targeting?.segments, traits))) continue;
    return offer(candidate, [traits.locale?.value as string | undefined, query.locale]);
  }
  return null;
}

function offer(
  candidate: CachedSurvey & { touchpointId: string | null },
  languages: (string | undefined)[],
): OfferedSurvey {
  const { survey, definition, touchpointId } = candidate;
  return {
    id: survey.id,
    version: survey.currentVersion,
    definition: localiseDefinition(definition, pickLanguage(definition, languages)),
    trigger: survey.settings.trigger ?? {},
    display: survey.settings.display ?? {},
    touchpointId,
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
  await ingestSurveyEvents(services.ingestor, workspaceId, [
    {
      ids,
      events: [{ messageId, event: 'Survey Shown', properties: { surveyId } }],
      context: { channel: facts.channel, locale: '', userAgent: facts.userAgent },
    },
  ]);
  const profileId = await services.respondents.profileAfterIngest(workspaceId, ids);
  if (profileId) {
    await services.ledger.record([
      { workspaceId, profileId, surveyId, channel: facts.channel, kind: 'shown', at: at.toISOString() },
    ]);
  }
  return { profileId };
}
