import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * packages/web/dist, found from this file's own location: src/http/routes (Vitest, tsx) and dist/http/routes
 * (the built server) are both three levels below packages/server, so one relative path serves both.
 */
export const defaultDashboardDir = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

/** Machine-facing paths: a miss there keeps the JSON 404 envelope instead of getting the dashboard's HTML. */
const reservedPrefixes = ['/api', '/v1', '/sdk', '/healthz', '/readyz', '/metrics'];

export function isReservedPath(pathname: string): boolean {
  return reservedPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

const notBuiltPage = [
  'Cairn is running, but its dashboard has not been built.',
  '',
  'Run `npm run build` in the Cairn folder (or `npm run build -w @cairn/web`), then reload this page.',
  'The API answers under /api/v1; its documentation is at /api/docs.',
  '',
].join('\n');

// Vite puts content-hashed files under assets/: a new build gets new names, so they may be cached for good.
const hashedAssetsDir = 'assets/';

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** The request path as a file below root, or null when it names no file there (or tries to leave root). */
async function fileBelow(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
  if (relative === '' || relative.includes('\0') || relative.split('/').some((s) => s.startsWith('.'))) {
    return null;
  }
  const absolute = path.join(root, relative);
  if (!absolute.startsWith(root + path.sep)) return null;
  return (await isFile(absolute)) ? relative : null;
}

/**
 * Serves the dashboard (packages/web/dist) at `/`: files as they are, and index.html for every other GET outside
 * the API, so addresses like /w/<id>/settings/members load the app, which reads its state from the URL.
 */
export async function dashboardRoutes(app: FastifyInstance, options: { dir?: string } = {}): Promise<void> {
  const root = path.resolve(options.dir ?? defaultDashboardDir);
  // serve: false: the plugin's own wildcard route could not declare the access rule every route must carry.
  // Fastify refuses a second `sendFile` decorator, so reuse one a parent scope may already have (sendFile is
  // always called with this root below).
  await app.register(fastifyStatic, {
    root,
    serve: false,
    dotfiles: 'deny',
    index: false,
    decorateReply: !app.hasReplyDecorator('sendFile'),
  });

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (isReservedPath(pathname)) return reply.callNotFound();
    if (!(await isFile(path.join(root, 'index.html')))) {
      return reply.code(503).type('text/plain; charset=utf-8').send(notBuiltPage);
    }
    const file = await fileBelow(root, pathname);
    if (file?.startsWith(hashedAssetsDir)) {
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile(file, root, { cacheControl: false });
    }
    // A stale tab asking for a chunk of an older build should get a 404, not HTML under a script's name.
    if (!file && pathname.startsWith(`/${hashedAssetsDir}`)) return reply.callNotFound();
    // index.html (and the few unhashed files) must be revalidated, so a new build is picked up at once.
    reply.header('cache-control', 'no-cache');
    return reply.sendFile(file ?? 'index.html', root, { cacheControl: false });
  };

  const route = { config: { access: { kind: 'public' as const } }, schema: { hide: true } };
  app.get('/', route, handler);
  app.get('/*', route, handler);
}
