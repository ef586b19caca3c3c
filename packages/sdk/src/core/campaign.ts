import type { Campaign } from '../wire.js';

/**
 * Reads UTM parameters into Segment's `context.campaign`: `utm_campaign` becomes `name`, every other `utm_x`
 * becomes `x` (Segment spec, "Context" → campaign; analytics.js maps any utm_* key the same way).
 * Returns undefined when the URL carries no UTM parameter, so the field is left out.
 */
export function parseCampaign(search: string): Campaign | undefined {
  const campaign: Campaign = {};
  let found = false;
  for (const [key, value] of new URLSearchParams(search)) {
    const lowerKey = key.toLowerCase();
    if (!lowerKey.startsWith('utm_') || lowerKey.length === 4 || value === '') continue;
    const field = lowerKey.slice(4);
    campaign[field === 'campaign' ? 'name' : field] = value;
    found = true;
  }
  return found ? campaign : undefined;
}
