import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface FixturePage {
  /** `cairn.init` options, written into the page as JSON. */
  init: Record<string, unknown>;
  /** Script run right after init, still before the SDK has loaded (exercises the stub's call queue). */
  script?: string;
  title?: string;
  body?: string;
}

/**
 * Serves the built SDK under /sdk/ and fixture pages that embed the snippet exactly as a customer site would:
 * stub first, then `cairn.load(...)`, `cairn.init(...)` and calls, all before the real script has arrived.
 */
export class FixtureServer {
  private readonly pages = new Map<string, string>();
  private readonly server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fixture');
    if (url.pathname.startsWith('/sdk/')) {
      const file = path.join(this.sdkDir, path.basename(url.pathname));
      readFile(file).then(
        (content) => {
          response.writeHead(200, { 'content-type': 'text/javascript' });
          response.end(content);
        },
        () => {
          response.writeHead(404);
          response.end();
        },
      );
      return;
    }
    const html =
      this.pages.get(url.pathname) ?? '<!doctype html><title>Elsewhere</title><p>Another site.</p>';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });

  constructor(private readonly sdkDir: string) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.origin;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Registers a page and returns its absolute URL (query strings are kept, e.g. for UTM parameters). */
  async addPage(pathWithQuery: string, page: FixturePage): Promise<string> {
    const snippet = await readFile(path.join(this.sdkDir, 'snippet.min.js'), 'utf8');
    const pathname = new URL(pathWithQuery, 'http://fixture').pathname;
    this.pages.set(
      pathname,
      `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${page.title ?? 'Fixture'}</title>
<script>
${snippet}
cairn.load('/sdk/cairn.min.js');
cairn.init(${JSON.stringify(page.init)});
${page.script ?? ''}
</script>
</head>
<body>${page.body ?? '<h1>Willkommen</h1><p>A fixture page with enough text to paint a largest contentful element.</p>'}</body>
</html>`,
    );
    return `${this.origin}${pathWithQuery}`;
  }
}
