import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type ApiClient, apiErrorFrom, type HttpMethod, parseJsonAnswer } from './api-client.js';

/** Talks to a running server over HTTP with the operator token it wrote into server.json. */
export class HttpApiClient implements ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async json<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw apiErrorFrom(response.status, text);
    return parseJsonAnswer<T>(response.status, text);
  }

  async download(path: string): Promise<{ body: Readable; length: number | undefined }> {
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!response.ok || !response.body) throw apiErrorFrom(response.status, await response.text());
    const length = Number(response.headers.get('content-length'));
    return {
      body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      length: Number.isFinite(length) && length > 0 ? length : undefined,
    };
  }

  async upload<T>(path: string, body: Readable): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/octet-stream' },
      body: Readable.toWeb(body) as ReadableStream<Uint8Array>,
      // Required by fetch for a streamed request body: the upload is sent before the answer is read.
      duplex: 'half',
    });
    const text = await response.text();
    if (!response.ok) throw apiErrorFrom(response.status, text);
    return parseJsonAnswer<T>(response.status, text);
  }

  async close(): Promise<void> {
    // fetch keeps no state we own.
  }
}
