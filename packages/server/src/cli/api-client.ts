import type { Readable } from 'node:stream';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * How every CLI command reaches Cairn: through the documented HTTP API, whether a server is running (real HTTP)
 * or not (an in-process app on the store file, driven with inject). One code path for both modes.
 */
export interface ApiClient {
  /** A JSON request; resolves with the body of a 2xx answer (undefined for 204), rejects with ApiError. */
  json<T>(method: HttpMethod, path: string, body?: unknown): Promise<T>;
  /** A POST answered with a file: its body as a stream and its length when known. */
  download(path: string): Promise<{ body: Readable; length: number | undefined }>;
  /** POSTs `body` as application/octet-stream and resolves with the JSON answer. */
  upload<T>(path: string, body: Readable): Promise<T>;
  /** Releases what the client holds (connections; in-process: the app and the store file). */
  close(): Promise<void>;
}

/** A non-2xx answer; the message is the envelope's, written for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Builds the ApiError for an answer body that should hold the error envelope (and may not, e.g. a proxy page). */
export function apiErrorFrom(status: number, text: string): ApiError {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof code === 'string' && typeof message === 'string') return new ApiError(status, code, message);
  } catch {
    // Not JSON: fall through to a generic message that still shows the status.
  }
  return new ApiError(status, 'HTTP_ERROR', `The server answered ${status}: ${text.slice(0, 200)}`);
}

export function parseJsonAnswer<T>(status: number, text: string): T {
  if (status === 204 || text === '') return undefined as T;
  return JSON.parse(text) as T;
}
