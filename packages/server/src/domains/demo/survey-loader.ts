import { type JsonApi, statusOf } from './json-api.js';
import { type DemoSurveyKey, demoSurveys } from './survey-definitions.js';
import type { SurveyResponseRecord } from './world.js';
import { measuredTouchpoint, type TouchpointIds } from './world-setup.js';

export type SurveyLoad =
  | { loaded: true; surveys: number; responses: number; duplicates: number }
  | { loaded: false; note: string };

/** The import route takes up to 1,000 responses per request (http/routes/survey-responses.ts). */
const importBatch = 1000;

interface ImportAnswer {
  stored: number;
  duplicates: number;
}

/** A generated response as the staff import takes it: answers keyed by question id, hidden fields as text. */
function importItem(response: SurveyResponseRecord) {
  return {
    externalId: response.messageId,
    submittedAt: response.timestamp,
    profile: { userId: response.userId },
    language: response.locale,
    channel: response.channel,
    answers: Object.fromEntries(response.answers.map((a) => [a.questionId, a.value])),
    hiddenFields: Object.fromEntries(Object.entries(response.hiddenFields).map(([k, v]) => [k, String(v)])),
  };
}

/**
 * A thin adapter to the surveys API, so the demo does not depend on its details: checks at run time that the
 * staff routes exist (404 → events only), creates the four demo surveys, makes them live, and imports the
 * generated responses through `POST …/surveys/{id}/responses/import`, which keeps each response's own time (and
 * dates its timeline events there), so CSAT after a late delivery lies right after that delivery. Responses are
 * sent in the generator's order, survey by survey, 1,000 per request, two requests in flight.
 */
export async function loadSurveys(
  api: JsonApi,
  workspaceId: string,
  responses: SurveyResponseRecord[],
  touchpoints: TouchpointIds = new Map(),
): Promise<SurveyLoad> {
  const base = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;
  try {
    await api.json('GET', `${base}/surveys`);
  } catch (error) {
    if (statusOf(error) === 404)
      return { loaded: false, note: 'This Cairn has no surveys API yet: loaded events only.' };
    throw error;
  }
  const ids = new Map<DemoSurveyKey, string>();
  for (const survey of demoSurveys) {
    const measured = touchpoints.get(measuredTouchpoint[survey.key] ?? '');
    const created = await api.json<{ id: string }>('POST', `${base}/surveys`, {
      name: survey.name,
      definition: survey.definition,
      settings: measured ? { ...survey.settings, touchpointId: measured } : survey.settings,
    });
    await api.json('POST', `${base}/surveys/${created.id}/status`, { status: 'live' });
    ids.set(survey.key, created.id);
  }
  const requests: { surveyId: string; items: ReturnType<typeof importItem>[] }[] = [];
  for (const [key, surveyId] of ids) {
    const items = responses.filter((r) => r.survey === key).map(importItem);
    for (let k = 0; k < items.length; k += importBatch)
      requests.push({ surveyId, items: items.slice(k, k + importBatch) });
  }
  let stored = 0;
  let duplicates = 0;
  let next = 0;
  // An invalid generated answer is a bug in the generator: the import refuses the request and the demo stops.
  const worker = async () => {
    while (next < requests.length) {
      const { surveyId, items } = requests[next++] as (typeof requests)[number];
      const answer = await api.json<ImportAnswer>('POST', `${base}/surveys/${surveyId}/responses/import`, {
        responses: items,
      });
      stored += answer.stored;
      duplicates += answer.duplicates;
    }
  };
  await Promise.all([worker(), worker()]);
  return { loaded: true, surveys: ids.size, responses: stored, duplicates };
}
