import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { type MigrationMeta, readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePgliteDb } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import { ADVISORY_LOCKS } from './advisory-locks.ts';
import { adoptLegacyLedger } from './legacy-ledger.ts';

/** The SQL drizzle-kit generated from schema.ts (`npm run db:generate`); applied in order, each once. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Any process may boot first against a shared PostgreSQL: one migrates, the others wait for it. */
const MIGRATION_LOCK = ADVISORY_LOCKS.migrations;

function baseline(): MigrationMeta {
  const [first] = readMigrationFiles({ migrationsFolder });
  if (!first) throw new Error(`Layover: no migrations in ${migrationsFolder}`);
  return first;
}

/** Brings an embedded PGlite ledger to the latest schema (PGlite has one connection: nothing to lock). */
export async function migratePglite(client: PGlite): Promise<void> {
  const db = drizzlePglite(client);
  await adoptLegacyLedger(db, baseline());
  await migratePgliteDb(db, { migrationsFolder });
}

/** Brings a PostgreSQL ledger to the latest schema on one connection that holds the migration lock throughout. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const db = drizzlePg(client);
    await adoptLegacyLedger(db, baseline());
    await migratePg(db, { migrationsFolder });
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    client.release();
  } catch (error) {
    // The connection is discarded: its session, and with it the lock, ends.
    client.release(error as Error);
    throw error;
  }
}
