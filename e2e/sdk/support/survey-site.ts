import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { EligibleSurvey } from '../../../packages/sdk/src/survey/types.js';

export interface SurveyApiRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: Record<string, unknown> | undefined;
}

export interface SurveyPage {
  init: Record<string, unknown>;
  script?: string;
  /** Extra markup in <head>, e.g. the host page's (hostile) CSS. */
  head?: string;
  body?: string;
  /** A Content-Security-Policy header; the snippet's <script> then carries `nonce`. */
  csp?: { policy: string; nonce: string };
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const stop = async (server: Server) => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
};

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

/**
 * Two loopback servers standing in for a customer site and Cairn: the site serves fixture pages (with optional
 * CSP header) and the built SDK under /sdk/; the API records every request and serves the survey contract
 * (`GET /v1/surveys/eligible`, `POST /v1/surveys/{id}/shown|responses`) plus `/v1/batch` and `/v1/config`.
 */
export class SurveySite {
  readonly requests: SurveyApiRequest[] = [];
  /** What `eligible` answers; by default `survey` when its trigger fits the query, else null. */
  survey: EligibleSurvey | undefined;
  requireConsent: boolean | undefined;
  origin = '';
  api = '';
  private readonly pages = new Map<string, SurveyPage>();
  private readonly site = createServer((request, response) => void this.serveSite(request, response));
  private readonly apiServer = createServer((request, response) => this.serveApi(request, response));

  constructor(private readonly sdkDir: string) {}

  async start(): Promise<void> {
    this.origin = await listen(this.site);
    this.api = await listen(this.apiServer);
  }

  async close(): Promise<void> {
    await Promise.all([stop(this.site), stop(this.apiServer)]);
  }

  reset(): void {
    this.requests.length = 0;
    this.survey = undefined;
    this.requireConsent = undefined;
  }

  addPage(pathname: string, page: SurveyPage): string {
    this.pages.set(pathname, page);
    return `${this.origin}${pathname}`;
  }

  eligibilityRequests(): SurveyApiRequest[] {
    return this.requests.filter((r) => r.path === '/v1/surveys/eligible');
  }

  responseBodies(): Record<string, unknown>[] {
    return this.requests.filter((r) => r.path.endsWith('/responses')).map((r) => r.body ?? {});
  }

  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = probe();
      if (result !== undefined && result !== false) return result;
      if (Date.now() > deadline) throw new Error(`survey site: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async serveSite(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://site');
    if (url.pathname.startsWith('/sdk/')) {
      const content = await readFile(path.join(this.sdkDir, path.basename(url.pathname))).catch(() => null);
      response.writeHead(content ? 200 : 404, { 'content-type': 'text/javascript' });
      response.end(content ?? '');
      return;
    }
    const page = this.pages.get(url.pathname);
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    const snippet = await readFile(path.join(this.sdkDir, 'snippet.min.js'), 'utf8');
    const nonce = page.csp ? ` nonce="${page.csp.nonce}"` : '';
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(page.csp ? { 'content-security-policy': page.csp.policy } : {}),
    });
    response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title>${page.head ?? ''}
<script${nonce}>
${snippet}
cairn.load('/sdk/cairn.min.js');
cairn.init(${JSON.stringify(page.init)});
${page.script ?? ''}
</script></head>
<body>${page.body ?? '<main><h1>Shop</h1><p>Fixture page.</p></main>'}</body></html>`);
  }

  private serveApi(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://api');
      const method = request.method ?? 'GET';
      const text = Buffer.concat(chunks).toString('utf8');
      if (method !== 'OPTIONS') {
        this.requests.push({
          method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          authorization: request.headers.authorization,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
        });
      }
      const [status, body] = this.answer(method, url);
      response.writeHead(status, { ...cors, 'content-type': 'application/json' });
      response.end(body === undefined ? '' : JSON.stringify(body));
    });
  }

  private answer(method: string, url: URL): [number, unknown] {
    if (method === 'OPTIONS') return [204, undefined];
    if (url.pathname === '/v1/config')
      return this.requireConsent === undefined ? [404, {}] : [200, { requireConsent: this.requireConsent }];
    if (url.pathname === '/v1/batch') return [200, { success: true }];
    if (url.pathname === '/v1/surveys/eligible') {
      const survey = this.survey;
      const event = url.searchParams.get('event') ?? undefined;
      const fits =
        survey && (survey.trigger.on === 'event' ? survey.trigger.event === event : event === undefined);
      return [200, { survey: fits ? survey : null }];
    }
    if (/^\/v1\/surveys\/[^/]+\/(shown|responses)$/.test(url.pathname)) return [200, { ok: true }];
    return [404, {}];
  }
}
