import { Worker } from 'node:worker_threads';
import type { AppLogger } from '../context.ts';
import { fromWire, type LedgerReply, type LedgerRequest } from './pglite-messages.ts';

type Ask = LedgerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> };

/** What drizzle-orm/pglite calls on a client (and a transaction's client) that the worker answers. */
export interface PgliteLike {
  query<T>(
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<{ rows: T[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown[]>;
}

/** Parsers cannot cross threads: drizzle only passes identity ones (dates stay strings), sent as their type OIDs. */
function rawOids(options: QueryOptions | undefined): number[] {
  return Object.keys(options?.parsers ?? {}).map(Number);
}

/**
 * A PGlite ledger owned by a worker thread, shaped like the PGlite client drizzle expects, so every ledger user
 * keeps its `Db` while PGlite's WASM runs off the rooms' event loop.
 */
export class PgliteProxy implements PgliteLike {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; origin?: Error }
  >();
  #nextId = 1;
  #failure: Error | undefined;
  readonly waitReady: Promise<void>;

  constructor(dir: string, logger?: AppLogger) {
    this.#worker = new Worker(new URL('./pglite-worker-boot.mjs', import.meta.url), { workerData: { dir } });
    this.waitReady = new Promise((resolve, reject) =>
      this.#pending.set(0, { resolve: () => resolve(), reject }),
    );
    this.#worker.on('message', (reply: LedgerReply) => this.#answer(reply));
    const fail = (cause: unknown, what: string) => {
      if (this.#failure) return;
      this.#failure = new Error(`Layover: the PGlite ledger worker ${what}`, { cause });
      if (logger) logger.error({ err: this.#failure }, 'the PGlite ledger worker stopped');
      else console.error(this.#failure);
      for (const waiting of this.#pending.values()) waiting.reject(this.#failure);
      this.#pending.clear();
    };
    this.#worker.on('error', (error) => fail(error, 'crashed'));
    this.#worker.on('exit', (code) => fail(new Error(`exit code ${code}`), 'exited'));
  }

  #answer(reply: LedgerReply): void {
    const waiting = this.#pending.get(reply.id);
    if (!waiting) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(fromWire(reply.error, waiting.origin?.stack?.split('\n').slice(2).join('\n')));
  }

  #ask<T>(request: Ask): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    // The caller's stack, kept so a worker error says which ledger user asked. Only captured here: V8 formats it (and
    // tsx maps it through source maps) when `.stack` is first read, which only a failed request does.
    const origin = new Error();
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject, origin });
      this.#worker.ref();
      this.#worker.postMessage({ ...request, id });
    });
  }

  #client(tx: number | undefined): PgliteLike {
    return {
      query: (sql, params = [], options) =>
        this.#ask({ op: 'query', tx, sql, params, rowMode: options?.rowMode, raw: rawOids(options) }),
      exec: (sql) => this.#ask({ op: 'exec', tx, sql }),
    };
  }

  query<T>(
    sql: string,
    params: unknown[] = [],
    options?: QueryOptions,
  ): Promise<{ rows: T[]; affectedRows?: number }> {
    return this.#client(undefined).query<T>(sql, params, options);
  }

  exec(sql: string): Promise<unknown[]> {
    return this.#client(undefined).exec(sql);
  }

  /** Holds one worker transaction open while `fn` runs: committed when it returns, rolled back when it throws. */
  async transaction<T>(
    fn: (tx: PgliteLike & { rollback: () => Promise<void>; closed: boolean }) => Promise<T>,
  ): Promise<T> {
    const id = await this.#ask<number>({ op: 'begin' });
    const tx = { ...this.#client(id), closed: false, rollback: async () => {} };
    let rolledBack = false;
    tx.rollback = async () => {
      rolledBack = true;
      tx.closed = true;
      await this.#ask({ op: 'rollback', tx: id });
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (error) {
      if (!rolledBack) await this.#ask({ op: 'rollback', tx: id }).catch(() => {});
      tx.closed = true;
      throw error;
    }
    if (!rolledBack) await this.#ask({ op: 'commit', tx: id });
    tx.closed = true;
    return result;
  }

  /** Closes PGlite in the worker (flushing its files), then lets the thread end. */
  async close(): Promise<void> {
    if (this.#failure) return;
    await this.#ask({ op: 'close' });
    this.#failure = new Error('Layover: the PGlite ledger is closed');
    await this.#worker.terminate();
  }
}
