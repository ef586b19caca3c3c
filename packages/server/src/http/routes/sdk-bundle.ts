import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { notFound } from '../../errors/catalogue.js';

/** packages/sdk/dist, found from this file's location in src/ (tests) and in dist/ (built server) alike. */
const defaultSdkDir = fileURLToPath(new URL('../../../../sdk/dist/', import.meta.url));

/** Only the published bundles: nothing else in the folder is ever served. */
const bundles = new Set(['cairn.min.js', 'cairn-web-vitals.min.js', 'cairn-survey.min.js', 'snippet.min.js']);

/**
 * Serves the browser SDK to customers' sites at /sdk/<file>. Other sites embed these scripts, so this route
 * allows cross-origin use (Cross-Origin-Resource-Policy) and lets browsers cache them briefly: the names are
 * not content-hashed, so a long cache would pin old versions after an upgrade.
 */
export function sdkBundleRoutes(app: FastifyInstance, options: { dir?: string } = {}): void {
  const dir = options.dir ?? defaultSdkDir;
  app.get(
    '/sdk/:file',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['ingestion'],
        summary:
          'The browser SDK bundles (cairn.min.js, cairn-web-vitals.min.js, cairn-survey.min.js, snippet.min.js).',
        security: [],
        params: Type.Object({ file: Type.String({ maxLength: 64 }) }),
      },
    },
    async (request, reply) => {
      const { file } = request.params as { file: string };
      if (!bundles.has(file)) throw notFound('SDK file', file);
      const body = await readFile(`${dir}${file}`).catch(() => null);
      if (!body) throw notFound('SDK file (run npm run build)', file);
      return reply
        .header('content-type', 'text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('access-control-allow-origin', '*')
        .send(body);
    },
  );
}
