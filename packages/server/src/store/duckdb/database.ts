import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DuckDBInstance as Instance } from '@duckdb/node-api';
import { UniqueViolationError } from '../port.js';
import { exists, moveDatabaseFile } from './file-moves.js';
import { ReadGate } from './read-gate.js';
import { plainRow, type Row } from './values.js';

export type SqlParam = string | number | boolean | null;

/** What repositories need from a connection: read rows, run a statement. Both take bound parameters only. */
export interface SqlExecutor {
  all(sql: string, params?: SqlParam[]): Promise<Row[]>;
  run(sql: string, params?: SqlParam[]): Promise<void>;
}

/** Serialises async work: DuckDB aborts one of two transactions that update the same row, so writes take turns. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** DuckDB reports key violations as "Constraint Error: Duplicate key … violates unique/primary key constraint". */
function portError(error: unknown): unknown {
  if (error instanceof Error && /^Constraint Error: Duplicate key/.test(error.message)) {
    return new UniqueViolationError(error.message, { cause: error });
  }
  return error;
}

function executorFor(connection: DuckDBConnection): SqlExecutor {
  return {
    async all(sql, params = []) {
      try {
        const reader = await connection.runAndReadAll(sql, params);
        return reader.getRowObjects().map((row) => plainRow(row as Row));
      } catch (error) {
        throw portError(error);
      }
    },
    async run(sql, params = []) {
      try {
        await connection.run(sql, params);
      } catch (error) {
        throw portError(error);
      }
    },
  };
}

const abandonedRead = 'The DuckDB store is closing or being replaced: read abandoned.';

interface Connections {
  instance: DuckDBInstance;
  writer: DuckDBConnection;
  readers: DuckDBConnection[];
  /** For reads that span several statements in one transaction (one snapshot), taken in turns. */
  snapshot: DuckDBConnection;
}

/** Columns read in bulk: DOUBLE as Float64Array, INTEGER as Int32Array, VARCHAR as strings. */
export type ColumnKinds = Record<string, 'double' | 'integer' | 'string'>;
export type Columns<K extends ColumnKinds> = {
  [N in keyof K]: K[N] extends 'double' ? Float64Array : K[N] extends 'integer' ? Int32Array : string[];
};

/** A read-only transaction: rows as objects, or numeric columns copied chunk by chunk (no value-by-value decoding). */
export interface SnapshotReader extends Pick<SqlExecutor, 'all'> {
  columns<K extends ColumnKinds>(sql: string, params: SqlParam[], kinds: K): Promise<Columns<K>>;
  /** The same columns one result chunk (up to 2048 rows) at a time, for results too large to hold at once. */
  eachChunk<K extends ColumnKinds>(
    sql: string,
    params: SqlParam[],
    kinds: K,
    visit: (chunk: Columns<K>) => void | Promise<void>,
  ): Promise<void>;
}

/**
 * Streams a result and copies each chunk's numeric vectors into typed arrays: reading values one by one through
 * the row API costs about 0.2 µs each (strings), copying a DOUBLE/INTEGER vector a few microseconds per 2048.
 * Strings are decoded chunk by chunk, so a large read leaves the event loop free between chunks.
 * The columns must hold no NULLs (the SQL coalesces them).
 */
async function eachChunk<K extends ColumnKinds>(
  connection: DuckDBConnection,
  sql: string,
  params: SqlParam[],
  kinds: K,
  visit: (chunk: Columns<K>) => void | Promise<void>,
  assertGoingOn: () => void,
): Promise<void> {
  const names = Object.keys(kinds);
  const result = await connection.stream(sql, params);
  for (;;) {
    assertGoingOn();
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const columns: Record<string, Float64Array | Int32Array | string[]> = {};
    names.forEach((name, i) => {
      const vector = chunk.getColumnVector(i);
      columns[name] =
        kinds[name] === 'string'
          ? Array.from({ length: chunk.rowCount }, (_, row) => String(vector.getItem(row)))
          : (vector as unknown as { items: Float64Array | Int32Array }).items.slice(0, chunk.rowCount);
    });
    await visit(columns as Columns<K>);
  }
}

/** A whole result as columns (eachChunk, joined). */
async function readColumns<K extends ColumnKinds>(
  connection: DuckDBConnection,
  sql: string,
  params: SqlParam[],
  kinds: K,
  assertGoingOn: () => void,
): Promise<Columns<K>> {
  const names = Object.keys(kinds);
  const parts: (Float64Array | Int32Array | string[])[][] = names.map(() => []);
  let rows = 0;
  await eachChunk(
    connection,
    sql,
    params,
    kinds,
    (chunk) => {
      const columns = chunk as Record<string, Float64Array | Int32Array | string[]>;
      names.forEach((name, i) => {
        parts[i]?.push(columns[name] as Float64Array | Int32Array | string[]);
      });
      rows += (columns[names[0] as string] as { length: number }).length;
    },
    assertGoingOn,
  );
  const out: Record<string, Float64Array | Int32Array | string[]> = {};
  names.forEach((name, i) => {
    const chunks = parts[i] ?? [];
    if (kinds[name] === 'string') {
      out[name] = (chunks as string[][]).flat();
      return;
    }
    const column = kinds[name] === 'double' ? new Float64Array(rows) : new Int32Array(rows);
    let at = 0;
    for (const part of chunks as (Float64Array | Int32Array)[]) {
      column.set(part, at);
      at += part.length;
    }
    out[name] = column;
  });
  return out as Columns<K>;
}

/**
 * DuckDB checkpoints its write-ahead log into the file once the log passes this size (default 16 MB). Every
 * checkpoint costs time roughly in proportion to the rows since the last one plus a fixed part, so frequent small
 * checkpoints dominated bulk ingestion: appending 1M event rows took 26.5 µs of CPU per row at the default and
 * 10.6 µs at 256 MB, the closing checkpoint included (same machine, same run). The price is a longer log replay
 * after a crash (seconds) and the log's rows held in memory until the checkpoint.
 */
const checkpointThreshold = '256MB';

async function connectTo(file: string, readerCount: number): Promise<Connections> {
  const instance = await Instance.create(file, { checkpoint_threshold: checkpointThreshold });
  const connect = async () => {
    const c = await instance.connect();
    await c.run("SET TimeZone = 'UTC'");
    return c;
  };
  const writer = await connect();
  const readers: DuckDBConnection[] = [];
  for (let i = 0; i < readerCount; i++) readers.push(await connect());
  return { instance, writer, readers, snapshot: await connect() };
}

/** Checkpoints the WAL into the file and releases the file lock. */
async function disconnect({ instance, writer, readers, snapshot }: Connections): Promise<void> {
  await writer.run('CHECKPOINT');
  for (const c of [...readers, snapshot, writer]) c.disconnectSync();
  instance.closeSync();
}

/**
 * One DuckDB file, one writer connection (all writes queue on it) and a few reader connections (MVCC lets reads
 * run beside writes). Every connection works in UTC; time-zone conversion for reports happens in queries.
 * The connections can be swapped for those of another file (restore) while this object, and every repository
 * built on it, stays valid.
 */
export class DuckDbDatabase {
  private readonly writeQueue = new SerialQueue();
  private readonly snapshotQueue = new SerialQueue();
  private readonly readGate = new ReadGate();
  private nextReader = 0;
  private closed = false;
  /** Set while close or restore waits for running reads: long snapshot reads give up instead of holding them up. */
  private draining = false;
  private replacements = 0;

  private constructor(
    readonly file: string,
    private readonly readerCount: number,
    private connections: Connections,
  ) {}

  static async open(file: string, readerCount = 2): Promise<DuckDbDatabase> {
    return new DuckDbDatabase(file, readerCount, await connectTo(file, readerCount));
  }

  /** Executor for statements outside a transaction: reads on a reader, writes through the writer queue. */
  readonly autocommit: SqlExecutor = {
    all: (sql, params) => this.readGate.pass(() => this.reader().all(sql, params)),
    run: (sql, params) =>
      this.writeQueue.run(() => executorFor(this.assertOpen(this.connections.writer)).run(sql, params)),
  };

  /** Runs `work` inside BEGIN … COMMIT on the writer connection; rolls back on any error. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.writeQueue.run(async () => {
      const tx = executorFor(this.assertOpen(this.connections.writer));
      await tx.run('BEGIN TRANSACTION');
      try {
        const result = await work(tx);
        await tx.run('COMMIT');
        return result;
      } catch (error) {
        await tx.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /** Runs `work` with the writer to itself, outside any transaction (for CHECKPOINT, ATTACH and bulk appends). */
  exclusive<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.writeQueue.run(() => work(this.assertOpen(this.connections.writer)));
  }

  /**
   * Runs `work` in one read transaction (one consistent snapshot of the file) on a connection of its own; such
   * reads take turns with each other, not with writes or other reads. When the store is closed or restored
   * meanwhile, the work's next statement or chunk fails instead of holding that up.
   */
  snapshotRead<T>(work: (reader: SnapshotReader) => Promise<T>): Promise<T> {
    return this.readGate.pass(() =>
      this.snapshotQueue.run(async () => {
        const connection = this.assertOpen(this.connections.snapshot);
        const executor = executorFor(connection);
        const assertGoingOn = () => {
          if (this.draining) throw new Error(abandonedRead);
        };
        await executor.run('BEGIN TRANSACTION READ ONLY');
        try {
          return await work({
            all: (sql, params) => {
              assertGoingOn();
              return executor.all(sql, params);
            },
            columns: (sql, params, kinds) => readColumns(connection, sql, params, kinds, assertGoingOn),
            eachChunk: (sql, params, kinds, visit) =>
              eachChunk(connection, sql, params, kinds, visit, assertGoingOn),
          });
        } finally {
          await executor.run('COMMIT').catch(() => undefined);
        }
      }),
    );
  }

  /** Counts the times the file was replaced (restore): caches of its contents compare it to know they are stale. */
  get fileGeneration(): number {
    return this.replacements;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /**
   * Puts `replacement` in place of this database's file (restore). Queued writes and running reads finish first;
   * later ones wait and then see the new file. The current file is kept as `keepOldAs`; if the replacement cannot
   * be opened, the current file is put back and reopened, and the error is rethrown.
   */
  async replaceFile(replacement: string, keepOldAs: string): Promise<void> {
    await this.writeQueue.run(async () => {
      this.assertOpen(this.connections.writer);
      this.draining = true;
      await this.readGate.close();
      this.draining = false;
      try {
        await disconnect(this.connections);
        await moveDatabaseFile(this.file, keepOldAs);
        try {
          await moveDatabaseFile(replacement, this.file);
          this.connections = await connectTo(this.file, this.readerCount);
          this.replacements++;
        } catch (error) {
          if (await exists(this.file)) await moveDatabaseFile(this.file, replacement);
          await moveDatabaseFile(keepOldAs, this.file);
          this.connections = await connectTo(this.file, this.readerCount);
          throw error;
        }
      } finally {
        this.readGate.open();
      }
    });
  }

  /** Waits for queued writes and running reads, checkpoints the WAL into the file and releases the file lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.writeQueue.run(async () => {
      if (this.closed) return;
      this.closed = true;
      this.draining = true;
      await this.readGate.close();
      this.draining = false;
      try {
        await disconnect(this.connections);
      } finally {
        // Reads that were held back now fail fast with "closed" instead of waiting forever.
        this.readGate.open();
      }
    });
  }

  private reader(): SqlExecutor {
    const { readers } = this.connections;
    const connection = readers[this.nextReader++ % readers.length];
    return executorFor(this.assertOpen(connection as DuckDBConnection));
  }

  private assertOpen(connection: DuckDBConnection): DuckDBConnection {
    if (this.closed) throw new Error('The DuckDB store is closed.');
    return connection;
  }
}
