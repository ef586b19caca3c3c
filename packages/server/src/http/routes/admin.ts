import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Config } from '../../config.js';
import { canOperateInstance } from '../../domains/access/permissions.js';
import type { Ingestor } from '../../domains/collect/ingestor.js';
import { CairnError } from '../../errors/catalogue.js';
import { fileStamp } from '../../runtime/file-stamp.js';
import { InvalidBackupError, type Store } from '../../store/port.js';
import type { RouteAccess } from '../context.js';
import { ErrorEnvelope, standardErrors } from '../schemas.js';

const octetStream = 'application/octet-stream';

/**
 * The restore upload is streamed to disk, never buffered, so the app-wide body limit (sized for JSON) does not
 * apply; this cap only stops a runaway upload from filling the disk. Only the operator gets this far: the access
 * hook rejects everyone else before a byte of the body is read.
 */
export const restoreUploadLimitBytes = 256 * 1024 ** 3;

const operatorOnly = (action: string): RouteAccess => ({
  kind: 'instance',
  predicate: canOperateInstance,
  action,
});

function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) callback(new CairnError('CAIRN_PAYLOAD_TOO_LARGE', { limit }));
      else callback(null, chunk);
    },
  });
}

function operatorLabel(request: FastifyRequest): string {
  const { actor } = request;
  return actor.kind === 'operator' ? `operator:${actor.via}` : actor.kind;
}

/** Whole-instance operations: backup and restore of the store. Both are operator-only. */
export async function adminRoutes(
  app: FastifyInstance,
  deps: { config: Config; store: Store; ingestor: Pick<Ingestor, 'flush'> },
) {
  // Uploads and downloads sit beside the store file, so moving a restored file into place is a rename.
  const scratchDir = path.join(deps.config.dataDir, 'tmp');

  app.post(
    '/api/v1/admin/backup',
    {
      config: { access: operatorOnly('back up the instance') },
      schema: {
        tags: ['admin'],
        summary: 'Download a consistent backup of the whole store (a DuckDB file).',
        description:
          'Writes stay possible while the backup runs; they wait only while the snapshot is copied.',
        response: {
          200: {
            description: 'The backup file.',
            content: { [octetStream]: { schema: Type.String({ format: 'binary' }) } },
          },
          ...standardErrors,
        },
      },
    },
    async (request, reply) => {
      await mkdir(scratchDir, { recursive: true });
      const file = path.join(scratchDir, `backup-${randomUUID()}.duckdb`);
      const started = Date.now();
      try {
        await deps.store.backupTo(file);
      } catch (error) {
        await rm(file, { force: true });
        throw error;
      }
      const { size } = await stat(file);
      const stream = createReadStream(file);
      // Fastify destroys the stream when the client goes away, so 'close' fires on success and on abort alike.
      stream.once('close', () => void rm(file, { force: true }));
      request.log.info(
        { event: 'instance.backup', actor: operatorLabel(request), bytes: size, ms: Date.now() - started },
        'instance backup streamed',
      );
      return reply
        .type(octetStream)
        .header('content-length', size)
        .header('content-disposition', `attachment; filename="cairn-${fileStamp(new Date())}.duckdb"`)
        .send(stream);
    },
  );

  await app.register(async (scoped) => {
    // Only in this scope: hands the raw request stream to the handler instead of buffering it.
    scoped.addContentTypeParser(octetStream, (_request, payload, done) => done(null, payload));
    scoped.post(
      '/api/v1/admin/restore',
      {
        config: { access: operatorOnly('restore the instance') },
        preParsing: async (request) => {
          const type = request.headers['content-type'] ?? 'none';
          if (!type.startsWith(octetStream))
            throw new CairnError('CAIRN_UNSUPPORTED_MEDIA_TYPE', { contentType: type });
        },
        schema: {
          tags: ['admin'],
          summary: 'Replace the whole store with a backup from POST /api/v1/admin/backup.',
          description:
            `Send the backup file as the body with Content-Type ${octetStream}. The upload is checked first ` +
            '(a DuckDB file with the migration ledger, from this or an older Cairn); then writes pause, the current ' +
            'data is kept beside the store file as <file>.before-restore-<timestamp>, the backup is moved in and ' +
            'migrated, and writes resume.',
          // No `type`: the body reaches validation as a stream, which only an open schema accepts. OpenAPI 3.1
          // describes raw binary bodies by the media type alone.
          body: {
            content: {
              [octetStream]: { schema: { description: 'A backup file from POST /api/v1/admin/backup.' } },
            },
          },
          response: {
            200: Type.Object({
              restored: Type.Literal(true),
              previousDataKeptAt: Type.String({
                description: 'Server-side path of the replaced store file.',
              }),
            }),
            ...standardErrors,
            413: ErrorEnvelope,
            415: ErrorEnvelope,
          },
        },
      },
      async (request) => {
        if (!(request.body instanceof Readable)) {
          throw new CairnError('CAIRN_BAD_REQUEST', { reason: 'the body is empty; send a backup file.' });
        }
        await mkdir(scratchDir, { recursive: true });
        const upload = path.join(scratchDir, `restore-${randomUUID()}.duckdb`);
        const started = Date.now();
        try {
          await pipeline(
            request.body,
            byteLimit(restoreUploadLimitBytes),
            createWriteStream(upload, { mode: 0o600 }),
          );
          // Events acknowledged so far belong to the data being replaced: store them there first.
          await deps.ingestor.flush();
          const { previousDataKeptAt } = await deps.store.restoreFrom(upload);
          request.log.info(
            {
              event: 'instance.restore',
              actor: operatorLabel(request),
              previousDataKeptAt,
              ms: Date.now() - started,
            },
            'instance restored from backup',
          );
          return { restored: true as const, previousDataKeptAt };
        } catch (error) {
          if (error instanceof InvalidBackupError) {
            throw new CairnError('CAIRN_BAD_REQUEST', { reason: error.message });
          }
          throw error;
        } finally {
          await rm(upload, { force: true });
        }
      },
    );
  });
}
