import { open } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { InvalidBackupError } from '../port.js';
import { loadMigrations } from './migrate.js';

/** DuckDB's file header: an 8-byte checksum, then the magic bytes "DUCK" (storage format docs, "File Header"). */
const magic = Buffer.from('DUCK');
const magicOffset = 8;

async function hasDuckDbHeader(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(magic.length);
    const { bytesRead } = await handle.read(buffer, 0, magic.length, magicOffset);
    return bytesRead === magic.length && buffer.equals(magic);
  } finally {
    await handle.close();
  }
}

async function appliedMigrations(file: string): Promise<string[]> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  } catch (error) {
    throw new InvalidBackupError(`DuckDB cannot open it (${(error as Error).message})`);
  }
  const connection = await instance.connect();
  try {
    const ledger = await connection.runAndReadAll(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'schema_migrations'",
    );
    if (Number(ledger.getRowObjects()[0]?.n ?? 0) === 0) {
      throw new InvalidBackupError('it has no schema_migrations table, so it is not a Cairn store');
    }
    const rows = await connection.runAndReadAll('SELECT version FROM schema_migrations ORDER BY version');
    return rows.getRowObjects().map((r) => String(r.version));
  } finally {
    connection.disconnectSync();
    instance.closeSync();
  }
}

/**
 * Checks that `file` is a Cairn store this version can take over: a DuckDB file that opens, has the migration
 * ledger, and records no migration this version does not know (that backup came from a newer Cairn).
 */
export async function checkBackupFile(file: string): Promise<void> {
  if (!(await hasDuckDbHeader(file))) throw new InvalidBackupError('it is not a DuckDB database file');
  const known = new Set((await loadMigrations()).map((m) => m.version));
  const unknown = (await appliedMigrations(file)).filter((version) => !known.has(version));
  if (unknown.length > 0) {
    throw new InvalidBackupError(
      `it was written by a newer Cairn (unknown migrations ${unknown.join(', ')}); upgrade Cairn first`,
    );
  }
}
