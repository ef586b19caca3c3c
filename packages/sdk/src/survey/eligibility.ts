import type { EligibleSurvey } from './types.js';

export interface EligibilityQuery {
  anonymousId: string;
  userId?: string;
  url: string;
  event?: string;
  /** JSON of the event's scalar properties. */
  properties?: string;
  locale: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Only the outline is checked here (the core stays small); the widget copes with odd questions itself. */
function looksLikeSurvey(value: unknown): value is EligibleSurvey {
  if (!isObject(value) || typeof value.id !== 'string') return false;
  const { definition, trigger, display } = value;
  return (
    isObject(definition) &&
    Array.isArray(definition.questions) &&
    isObject(definition.end) &&
    isObject(trigger) &&
    isObject(display)
  );
}

/**
 * `GET {host}/v1/surveys/eligible?writeKey=…&anonymousId=…` → `{ survey: null | {…} }`. The write key travels in
 * the query, like `/v1/config`, so the request is CORS-simple (no preflight). Any failure means "no survey".
 */
export async function fetchEligibleSurvey(
  host: string,
  writeKey: string,
  query: EligibilityQuery,
): Promise<EligibleSurvey | undefined> {
  const params = new URLSearchParams({ writeKey });
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  try {
    const response = await fetch(`${host}/v1/surveys/eligible?${params}`, { credentials: 'omit' });
    if (!response.ok) return undefined;
    const body: unknown = await response.json();
    const survey = isObject(body) ? body.survey : undefined;
    return looksLikeSurvey(survey) ? survey : undefined;
  } catch {
    return undefined;
  }
}
