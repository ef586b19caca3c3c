import { classifyResponse, type SendOutcome } from '../core/retry-policy.js';
import type { BatchEnvelope } from '../wire.js';

export interface Transport {
  send(envelope: BatchEnvelope): Promise<SendOutcome>;
  sendOnPageHide(envelope: BatchEnvelope): boolean | Promise<SendOutcome>;
}

/** Cairn stores the valid messages of a batch and lists the invalid ones: `{ rejected: [{ index, message }] }`. */
function rejectedNotice(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    const rejected = (parsed as { rejected?: unknown } | null)?.rejected;
    if (!Array.isArray(rejected) || rejected.length === 0) return undefined;
    return `server rejected ${rejected.length} message(s) of the batch: ${JSON.stringify(rejected).slice(0, 500)}`;
  } catch {
    return undefined;
  }
}

/**
 * `POST {host}/v1/batch` as in the Segment HTTP Tracking API. Cross-origin, so the server must answer CORS
 * (and expose `Retry-After` via Access-Control-Expose-Headers, or this code falls back to its own backoff).
 */
export function createTransport(host: string, writeKey: string): Transport {
  const url = `${host}/v1/batch`;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  try {
    // Segment: the write key is the Basic-auth user name with an empty password.
    headers.Authorization = `Basic ${btoa(`${writeKey}:`)}`;
  } catch {
    // btoa rejects non-Latin-1 text; the key is in the body as well.
  }

  const outcomeOf = async (response: Response): Promise<SendOutcome> => {
    const outcome = classifyResponse(response.status, response.headers.get('Retry-After'), Date.now());
    if (outcome.kind === 'retry') return outcome;
    const text = await response.text().catch(() => '');
    if (outcome.kind === 'rejected') return { ...outcome, detail: text.slice(0, 500) };
    const notice = rejectedNotice(text);
    return notice ? { kind: 'delivered', notice } : outcome;
  };

  return {
    async send(envelope) {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(envelope),
        credentials: 'omit',
      });
      return outcomeOf(response);
    },

    sendOnPageHide(envelope) {
      const body = JSON.stringify(envelope);
      // sendBeacon cannot set headers; text/plain is a CORS-safelisted type, so no preflight is needed
      // (https://w3c.github.io/beacon/#sec-processing-model) and the server reads the JSON from the body.
      const type = 'text/plain;charset=UTF-8';
      try {
        if (navigator.sendBeacon(url, new Blob([body], { type }))) return true;
      } catch {
        // Some privacy extensions replace sendBeacon with a throwing stub.
      }
      try {
        return fetch(url, {
          method: 'POST',
          body,
          keepalive: true,
          credentials: 'omit',
          headers: { 'Content-Type': type },
        }).then(outcomeOf);
      } catch {
        return false;
      }
    },
  };
}
