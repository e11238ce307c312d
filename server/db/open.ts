import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { AppLogger } from '../context.ts';
import { type LedgerLatency, timePglite, timePgPool } from '../observability/ledger-timing.ts';
import { migratePglite, migratePostgres } from './migrations.ts';
import { PgliteProxy } from './pglite-proxy.ts';
import { schema } from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Ledger {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in `<dataDir>/ledger`; migrates either. */
export async function openLedger(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Times every query by operation (the server's `layover_ledger_query_seconds`). */
  latency?: LedgerLatency | undefined;
  logger?: AppLogger | undefined;
}): Promise<Ledger> {
  let ledger: Ledger;
  let migrate: () => Promise<void>;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server ends (restart, failover, an admin's terminate) must not take the process down:
    // the pool drops it and opens a new one on the next query.
    pool.on('error', (err) =>
      options.logger
        ? options.logger.warn({ err }, 'an idle ledger connection was closed by PostgreSQL')
        : console.error('Layover: an idle ledger connection was closed by PostgreSQL', err),
    );
    if (options.latency) timePgPool(pool, options.latency);
    ledger = { db: drizzlePg(pool, { schema }) as unknown as Db, kind: 'postgres', close: () => pool.end() };
    migrate = () => migratePostgres(pool);
  } else {
    const dir = join(options.dataDir, 'ledger');
    await mkdir(dir, { recursive: true });
    // PGlite runs in a worker thread that owns it, so its WASM never blocks the rooms' event loop.
    const proxy = new PgliteProxy(dir, options.logger);
    const client = proxy as unknown as PGlite;
    await proxy.waitReady;
    if (options.latency) timePglite(client, options.latency);
    ledger = {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: 'pglite',
      close: () => proxy.close(),
    };
    migrate = () => migratePglite(client);
  }
  try {
    await migrate();
  } catch (error) {
    await ledger.close();
    throw new Error(`Layover: could not migrate the ${ledger.kind} ledger`, { cause: error });
  }
  return ledger;
}
