import type { Readable } from 'node:stream';
import type { CairnApp } from '../http/app.js';
import { type ApiClient, apiErrorFrom, type HttpMethod, parseJsonAnswer } from './api-client.js';

/**
 * Drives an in-process app with inject(): the same routes, validation and access rules as over the network,
 * used when no server is running and the CLI opened the store file itself.
 */
export class InjectApiClient implements ApiClient {
  constructor(
    private readonly app: CairnApp,
    private readonly token: string,
    private readonly release: () => Promise<void>,
  ) {}

  async json<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    const response = await this.app.inject({
      method,
      url: path,
      headers: { authorization: `Bearer ${this.token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    if (response.statusCode >= 300) throw apiErrorFrom(response.statusCode, response.body);
    return parseJsonAnswer<T>(response.statusCode, response.body);
  }

  async download(path: string): Promise<{ body: Readable; length: number | undefined }> {
    const response = await this.app.inject({
      method: 'POST',
      url: path,
      headers: { authorization: `Bearer ${this.token}` },
      payloadAsStream: true,
    });
    const body = response.stream();
    if (response.statusCode >= 300) {
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
      throw apiErrorFrom(response.statusCode, Buffer.concat(chunks).toString('utf8'));
    }
    const length = Number(response.headers['content-length']);
    return { body, length: Number.isFinite(length) && length > 0 ? length : undefined };
  }

  async upload<T>(path: string, body: Readable): Promise<T> {
    const response = await this.app.inject({
      method: 'POST',
      url: path,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/octet-stream' },
      payload: body,
    });
    if (response.statusCode >= 300) throw apiErrorFrom(response.statusCode, response.body);
    return parseJsonAnswer<T>(response.statusCode, response.body);
  }

  close(): Promise<void> {
    return this.release();
  }
}
