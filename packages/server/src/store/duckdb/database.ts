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

interface Connections {
  instance: DuckDBInstance;
  writer: DuckDBConnection;
  readers: DuckDBConnection[];
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
  return { instance, writer, readers };
}

/** Checkpoints the WAL into the file and releases the file lock. */
async function disconnect({ instance, writer, readers }: Connections): Promise<void> {
  await writer.run('CHECKPOINT');
  for (const c of [...readers, writer]) c.disconnectSync();
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
  private readonly readGate = new ReadGate();
  private nextReader = 0;
  private closed = false;

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
      await this.readGate.close();
      try {
        await disconnect(this.connections);
        await moveDatabaseFile(this.file, keepOldAs);
        try {
          await moveDatabaseFile(replacement, this.file);
          this.connections = await connectTo(this.file, this.readerCount);
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
      await this.readGate.close();
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
