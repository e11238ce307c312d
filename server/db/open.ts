import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { migrations } from './migrations.ts';
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
}): Promise<Ledger> {
  let ledger: Ledger;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server ends (restart, failover, an admin's terminate) must not take the process down:
    // the pool drops it and opens a new one on the next query.
    pool.on('error', (error) =>
      console.error('Layover: an idle ledger connection was closed by PostgreSQL', error),
    );
    ledger = { db: drizzlePg(pool, { schema }) as unknown as Db, kind: 'postgres', close: () => pool.end() };
  } else {
    const dir = join(options.dataDir, 'ledger');
    await mkdir(dir, { recursive: true });
    const client = await PGlite.create(dir);
    ledger = {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: 'pglite',
      close: () => client.close(),
    };
  }
  try {
    await migrate(ledger.db);
  } catch (error) {
    await ledger.close();
    throw new Error(`Layover: could not migrate the ${ledger.kind} ledger`, { cause: error });
  }
  return ledger;
}

async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // One migrator at a time when several processes share PostgreSQL.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727001)`);
    await tx.execute(
      sql`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = (await tx.execute(sql`SELECT version FROM schema_migrations`)) as {
      rows: { version: number }[];
    };
    const done = new Set(applied.rows.map((row) => Number(row.version)));
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`,
      );
    }
  });
}
