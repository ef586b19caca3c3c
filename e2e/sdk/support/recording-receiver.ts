import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the receiver saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  receivedAt: number;
  status: number;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A Segment message as it arrived; only the fields the tests read are typed. */
export interface ReceivedMessage {
  type: string;
  messageId: string;
  anonymousId: string;
  userId?: string;
  event?: string;
  name?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  groupId?: string;
  previousId?: string;
  originalTimestamp: string;
  context: Record<string, unknown> & {
    page: Record<string, string>;
    library: { name: string; version: string };
  };
}

export interface ReceivedBatch {
  request: RecordedRequest;
  writeKey: string;
  sentAt: string;
  batch: ReceivedMessage[];
}

/**
 * Stand-in for Cairn's ingestion API on loopback: records every request, answers `POST /v1/batch` with 200 or
 * with scripted failures (500, 429 + Retry-After, 400), answers `GET /v1/config`, and sends the CORS headers
 * the real server must send too (any origin, no credentials, Retry-After exposed to scripts).
 */
export class RecordingReceiver {
  readonly requests: RecordedRequest[] = [];
  /** Responses for the next batch requests, in order; afterwards `defaultBatchResponse`. */
  readonly scriptedBatchResponses: ScriptedResponse[] = [];
  defaultBatchResponse: ScriptedResponse = { status: 200, body: '{"success":true}' };
  /** `undefined`: /v1/config does not exist (404), as on a server that predates it. */
  remoteConfig: { requireConsent: boolean } | undefined;

  private readonly server = createServer((request, response) => this.handle(request, response));

  /** Port 0 picks a free port; a test that simulates an outage restarts on the previous one. */
  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  batches(): ReceivedBatch[] {
    return this.requests
      .filter((request) => request.method === 'POST' && request.path === '/v1/batch')
      .map((request) => ({ request, ...(JSON.parse(request.body) as Omit<ReceivedBatch, 'request'>) }));
  }

  /** Messages from requests that were answered 2xx (i.e. stored). */
  storedMessages(): ReceivedMessage[] {
    return this.batches()
      .filter((batch) => batch.request.status < 300)
      .flatMap((batch) => batch.batch);
  }

  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = probe();
      if (result !== undefined && result !== false) return result;
      if (Date.now() > deadline) throw new Error(`receiver: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://receiver');
      const answer = this.answer(request.method ?? 'GET', url);
      this.requests.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
        status: answer.status,
      });
      response.writeHead(answer.status, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-expose-headers': 'retry-after',
        'access-control-max-age': '600',
        'content-type': 'application/json',
        ...answer.headers,
      });
      response.end(answer.body ?? '');
    });
  }

  private answer(method: string, url: URL): ScriptedResponse {
    if (method === 'OPTIONS') return { status: 204 };
    if (method === 'GET' && url.pathname === '/v1/config') {
      return this.remoteConfig ? { status: 200, body: JSON.stringify(this.remoteConfig) } : { status: 404 };
    }
    if (method === 'POST' && url.pathname === '/v1/batch') {
      return this.scriptedBatchResponses.shift() ?? this.defaultBatchResponse;
    }
    return { status: 404 };
  }
}
