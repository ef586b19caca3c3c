import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DuckDBInstance as Instance } from '@duckdb/node-api';
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

function executorFor(connection: DuckDBConnection): SqlExecutor {
  return {
    async all(sql, params = []) {
      const reader = await connection.runAndReadAll(sql, params);
      return reader.getRowObjects().map((row) => plainRow(row as Row));
    },
    async run(sql, params = []) {
      await connection.run(sql, params);
    },
  };
}

/**
 * One DuckDB file, one writer connection (all writes queue on it) and a few reader connections (MVCC lets reads
 * run beside writes). Every connection works in UTC; time-zone conversion for reports happens in queries.
 */
export class DuckDbDatabase {
  private readonly writeQueue = new SerialQueue();
  private nextReader = 0;
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly readers: DuckDBConnection[],
  ) {}

  static async open(file: string, readerCount = 2): Promise<DuckDbDatabase> {
    const instance = await Instance.create(file);
    const connect = async () => {
      const c = await instance.connect();
      await c.run("SET TimeZone = 'UTC'");
      return c;
    };
    const writer = await connect();
    const readers: DuckDBConnection[] = [];
    for (let i = 0; i < readerCount; i++) readers.push(await connect());
    return new DuckDbDatabase(instance, writer, readers);
  }

  /** Executor for statements outside a transaction: reads on a reader, writes through the writer queue. */
  readonly autocommit: SqlExecutor = {
    all: (sql, params) => this.reader().all(sql, params),
    run: (sql, params) =>
      this.writeQueue.run(() => executorFor(this.assertOpen(this.writer)).run(sql, params)),
  };

  /** Runs `work` inside BEGIN … COMMIT on the writer connection; rolls back on any error. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.writeQueue.run(async () => {
      const tx = executorFor(this.assertOpen(this.writer));
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
    return this.writeQueue.run(() => work(this.assertOpen(this.writer)));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Waits for queued writes, checkpoints the WAL into the file and releases the file lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.writeQueue.run(async () => {
      await this.writer.run('CHECKPOINT');
      this.closed = true;
    });
    for (const c of [...this.readers, this.writer]) c.disconnectSync();
    this.instance.closeSync();
  }

  private reader(): SqlExecutor {
    const connection = this.readers[this.nextReader++ % this.readers.length];
    return executorFor(this.assertOpen(connection as DuckDBConnection));
  }

  private assertOpen(connection: DuckDBConnection): DuckDBConnection {
    if (this.closed) throw new Error('The DuckDB store is closed.');
    return connection;
  }
}
