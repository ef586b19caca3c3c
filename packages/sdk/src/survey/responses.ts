import { randomUuid } from '../browser/random-id.js';
import type { ShowSurveyOptions } from './extra.js';
import type { Answer } from './types.js';

const maxAttempts = 4;
const baseBackoffMs = 1000;

export interface ResponseSender {
  /** `POST …/shown` once the widget is on screen (the server counts it against the fatigue budget). */
  shown(): void;
  /** `POST …/responses` with every answer so far; called after each answered step. */
  answers(answers: Answer[], completed: boolean): void;
}

const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * Sends in order, one request at a time, each carrying all answers so far under one `clientKey`: the server
 * upserts by that key, so a retry or a late duplicate never creates a second response, and a later request
 * always supersedes an earlier one. `keepalive` lets the last answer finish when the visitor leaves the page.
 */
export function createResponseSender(options: ShowSurveyOptions): ResponseSender {
  const clientKey = randomUuid();
  const base = `${options.host}/v1/surveys/${encodeURIComponent(options.survey.id)}`;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  try {
    headers.Authorization = `Basic ${btoa(`${options.writeKey}:`)}`;
  } catch {
    // Non-Latin-1 key: btoa throws; the server then answers 401 and the survey simply records nothing.
  }
  let chain: Promise<void> = Promise.resolve();

  const post = async (path: string, body: object): Promise<void> => {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        const response = await fetch(`${base}/${path}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
          credentials: 'omit',
          keepalive: true,
        });
        if (!retryable(response.status)) return;
      } catch {
        // network error: retried below
      }
      await new Promise((resolve) => setTimeout(resolve, baseBackoffMs * 2 ** (attempt - 1)));
    }
  };
  const enqueue = (path: string, body: object) => {
    chain = chain.then(() => post(path, body));
  };
  const who = () => {
    const { anonymousId, userId } = options.identity();
    return { anonymousId, ...(userId ? { userId } : {}) };
  };

  return {
    shown: () => enqueue('shown', who()),
    answers: (answers, completed) =>
      enqueue('responses', {
        clientKey,
        ...who(),
        locale: options.locale,
        channel: 'web',
        version: options.survey.version,
        ...(options.survey.touchpointId ? { touchpointId: options.survey.touchpointId } : {}),
        answers,
        completed,
        context: { page: { url: location.href.split('#')[0] } },
      }),
  };
}
