/**
 * The one place that talks HTTP to the Cairn API. It sends the session cookie (same origin), adds the CSRF token
 * to every write, and turns every failure into an ApiError carrying the server's stable error code.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Codes the client produces itself, for failures that never reached (or never came back from) Cairn. */
export const clientErrorCodes = {
  network: 'CLIENT_NETWORK_ERROR',
  unexpectedResponse: 'CLIENT_UNEXPECTED_RESPONSE',
} as const;

export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when the request never got an answer. */
    readonly status: number,
    /** A `CAIRN_…` code from the server's error catalogue, or one of clientErrorCodes. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds from the Retry-After header of 429/503 answers. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface HttpClient {
  request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T>;
  /** The session's CSRF token, from the login response or GET /me; writes fail with 403 without it. */
  setCsrfToken(token: string | undefined): void;
}

export interface HttpClientOptions {
  fetch: typeof fetch;
  baseUrl?: string;
}

const safeMethods = new Set<HttpMethod>(['GET']);

function isErrorEnvelope(
  value: unknown,
): value is { error: { code: string; message: string; details?: unknown } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header);
}

/** Maps a non-2xx answer to an ApiError; bodies that are not Cairn's envelope (a proxy's HTML page) get a client code. */
export function errorFromResponse(response: Response, body: unknown): ApiError {
  const retryAfter = retryAfterOf(response);
  if (isErrorEnvelope(body)) {
    const { code, message, details } = body.error;
    return new ApiError(response.status, code, message, details, retryAfter);
  }
  return new ApiError(
    response.status,
    clientErrorCodes.unexpectedResponse,
    `Unexpected answer from the server (HTTP ${response.status}).`,
    undefined,
    retryAfter,
  );
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = options.baseUrl ?? '/api/v1';
  let csrfToken: string | undefined;

  return {
    setCsrfToken(token) {
      csrfToken = token;
    },

    async request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { accept: 'application/json' };
      // Only with a body: Fastify rejects an empty body declared as JSON.
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (!safeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

      let response: Response;
      try {
        response = await options.fetch(`${baseUrl}${path}`, {
          method,
          headers,
          credentials: 'same-origin',
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new ApiError(0, clientErrorCodes.network, `The server could not be reached: ${reason}`);
      }

      const payload = await readBody(response);
      if (!response.ok) throw errorFromResponse(response, payload);
      return payload as T;
    },
  };
}
