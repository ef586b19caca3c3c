import { type JsonApi, statusOf } from './json-api.js';
import { type DemoSurveyKey, demoSurveys } from './survey-definitions.js';
import type { SurveyResponseRecord } from './world.js';

export type SurveyLoad =
  | { loaded: true; surveys: number; responses: number; failed: number; firstFailure?: string }
  | { loaded: false; note: string };

/**
 * A thin adapter to the surveys API, so the demo does not depend on its details: checks at run time that the
 * staff routes exist (404 → events only), creates the four demo surveys, makes them live, and submits each
 * generated response through the public response endpoint with a write key, as a customer's browser would.
 * That endpoint records the answer at the moment it is submitted, so loaded responses carry today's time; the
 * generated time stays in the NDJSON for engines that can import history.
 */
const concurrentSubmissions = 32;

export async function loadSurveys(
  api: JsonApi,
  workspaceId: string,
  responses: SurveyResponseRecord[],
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
    const created = await api.json<{ id: string }>('POST', `${base}/surveys`, {
      name: survey.name,
      definition: survey.definition,
      settings: survey.settings,
    });
    await api.json('POST', `${base}/surveys/${created.id}/status`, { status: 'live' });
    ids.set(survey.key, created.id);
  }
  const writeKey = await api.json<{ key: string }>('POST', `${base}/write-keys`, {
    name: 'Demo survey responses',
  });
  let submitted = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const submit = async (response: SurveyResponseRecord) => {
    try {
      await api.json('POST', `/v1/surveys/${ids.get(response.survey)}/responses`, {
        writeKey: writeKey.key,
        clientKey: response.messageId,
        userId: response.userId,
        locale: response.locale,
        channel: response.channel,
        answers: response.answers,
        completed: true,
        hiddenFields: Object.fromEntries(
          Object.entries(response.hiddenFields).map(([k, v]) => [k, String(v)]),
        ),
      });
      submitted++;
    } catch (error) {
      // One refused answer (e.g. a rule of the surveys domain the generator does not know) must not stop the demo.
      if (statusOf(error) === undefined) throw error;
      failed++;
      firstFailure ??= error instanceof Error ? error.message : String(error);
    }
  };
  // Each submission is acknowledged only once durable; many in flight let the server commit them in groups.
  let next = 0;
  const worker = async () => {
    while (next < responses.length) await submit(responses[next++] as SurveyResponseRecord);
  };
  await Promise.all(Array.from({ length: concurrentSubmissions }, worker));
  return {
    loaded: true,
    surveys: ids.size,
    responses: submitted,
    failed,
    ...(firstFailure ? { firstFailure } : {}),
  };
}
