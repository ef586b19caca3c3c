import { describe, expect, it } from 'vitest';
import { createCairnApi } from './cairn-api';
import { ApiError, clientErrorCodes, createHttpClient } from './http-client';

interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  credentials: string | undefined;
}

/** A fetch that records requests and answers from a queue: the network is the one edge these tests replace. */
function fakeFetch(...answers: (Response | Error)[]) {
  const sent: SentRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? init.body : undefined,
      credentials: init?.credentials,
    });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer queued');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('API client requests', () => {
  it('sends the cookie, JSON bodies, and the CSRF token only on writes', async () => {
    const { fetch, sent } = fakeFetch(
      json(200, { user: { id: 'u', email: 'a@b.eu' }, csrfToken: 'csrf-1' }),
      json(200, { items: [] }),
      json(201, { id: 'w' }),
      new Response(null, { status: 204 }),
    );
    const api = createCairnApi(createHttpClient({ fetch }));
    await api.login('a@b.eu', 'secret');
    await api.listWorkspaces();
    await api.createWorkspace({ name: 'Shop' });
    await api.revokeWriteKey('w', 'k/1');

    expect(sent.map((r) => r.credentials)).toEqual([
      'same-origin',
      'same-origin',
      'same-origin',
      'same-origin',
    ]);
    expect(sent[0]).toMatchObject({ url: '/api/v1/auth/login', method: 'POST' });
    expect(sent[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(sent[1]?.headers['x-csrf-token']).toBeUndefined();
    expect(sent[2]?.headers).toMatchObject({ 'x-csrf-token': 'csrf-1', 'content-type': 'application/json' });
    expect(JSON.parse(sent[2]?.body ?? '')).toEqual({ name: 'Shop' });
    // Ids are path-encoded; a DELETE carries no body and so no content type.
    expect(sent[3]).toMatchObject({ url: '/api/v1/workspaces/w/write-keys/k%2F1', method: 'DELETE' });
    expect(sent[3]?.headers['content-type']).toBeUndefined();
    expect(sent[3]?.headers['x-csrf-token']).toBe('csrf-1');
  });

  it('takes the CSRF token from /me and forgets it when the session is gone', async () => {
    const { fetch, sent } = fakeFetch(
      json(200, { actor: { kind: 'user' }, workspaces: [], csrfToken: 'csrf-me' }),
      json(200, { id: 'w' }),
      json(401, { error: { code: 'CAIRN_UNAUTHENTICATED', message: 'Authentication required.' } }),
      json(201, { id: 'w2' }),
    );
    const api = createCairnApi(createHttpClient({ fetch }));
    expect(await api.me()).toMatchObject({ csrfToken: 'csrf-me' });
    await api.updateWorkspace('w', { name: 'New' });
    expect(sent[1]?.headers['x-csrf-token']).toBe('csrf-me');
    expect(await api.me()).toBeNull();
    await api.createWorkspace({ name: 'Other' });
    expect(sent[3]?.headers['x-csrf-token']).toBeUndefined();
  });
});

describe('API client error mapping', () => {
  const failWith = async (answer: Response | Error) => {
    const { fetch } = fakeFetch(answer);
    const error = await createHttpClient({ fetch })
      .request('GET', '/workspaces')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  };

  it('keeps the code, message, status and details of the error envelope', async () => {
    const details = [{ field: 'body.email', message: 'must match format "email"' }];
    const error = await failWith(
      json(400, { error: { code: 'CAIRN_VALIDATION_FAILED', message: 'The request is invalid.', details } }),
    );
    expect(error).toMatchObject({
      status: 400,
      code: 'CAIRN_VALIDATION_FAILED',
      message: 'The request is invalid.',
    });
    expect(error.details).toEqual(details);
  });

  it('reads Retry-After from rate-limited answers', async () => {
    const error = await failWith(
      json(
        429,
        { error: { code: 'CAIRN_RATE_LIMITED', message: 'Too many requests.' } },
        { 'retry-after': '17' },
      ),
    );
    expect(error).toMatchObject({ status: 429, code: 'CAIRN_RATE_LIMITED', retryAfterSeconds: 17 });
  });

  it('gives answers that are not the envelope (a proxy error page) a client code', async () => {
    const error = await failWith(new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(error).toMatchObject({ status: 502, code: clientErrorCodes.unexpectedResponse });
    const half = await failWith(json(500, { error: { code: 42 } }));
    expect(half.code).toBe(clientErrorCodes.unexpectedResponse);
  });

  it('reports a request that never got an answer as a network error', async () => {
    const error = await failWith(new TypeError('Failed to fetch'));
    expect(error).toMatchObject({ status: 0, code: clientErrorCodes.network });
    expect(error.message).toContain('Failed to fetch');
  });
});
