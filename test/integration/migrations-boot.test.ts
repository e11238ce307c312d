import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { type Ledger, openLedger } from '../../server/db/open.ts';
import { ledgerMeta } from '../../server/db/schema.ts';

// Boot-time migration on a shared PostgreSQL: cluster workers start together, and an unknown ledger is refused.
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const FIXTURE = new URL('../fixtures/ledger-legacy-v7.sql', import.meta.url);
const cleanups: (() => Promise<unknown>)[] = [];
/** How many migrations drizzle-kit generated (server/db/migrations/meta/_journal.json): each is applied once. */
const JOURNAL = new URL('../../server/db/migrations/meta/_journal.json', import.meta.url);
const migrationCount = (JSON.parse(await readFile(JOURNAL, 'utf8')) as { entries: unknown[] }).entries.length;

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function admin(text: string, url = ADMIN_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

/** A new empty database, dropped after the run; returns its URL. */
async function scratchDatabase(): Promise<string> {
  const name = `layover_boot_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await admin(`CREATE DATABASE ${name}`);
  cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

it('lets four workers migrate one fresh database at once: one applies each migration, all open it', async () => {
  const url = await scratchDatabase();
  const ledgers: Ledger[] = await Promise.all(
    [1, 2, 3, 4].map(() => openLedger({ databaseUrl: url, dataDir: 'unused' })),
  );
  cleanups.push(() => Promise.all(ledgers.map((ledger) => ledger.close())));
  const [first] = ledgers;
  const journal = (await first?.db.execute(sql`SELECT hash FROM drizzle.__drizzle_migrations`)) as {
    rows: unknown[];
  };
  expect(journal.rows).toHaveLength(migrationCount);
  expect(await first?.db.select().from(ledgerMeta)).toHaveLength(1);
});

it('refuses a hand-migrated ledger older than the baseline, and leaves it as it was', async () => {
  const url = await scratchDatabase();
  const fixture = await readFile(FIXTURE, 'utf8');
  await admin(fixture.slice(0, fixture.indexOf('-- 7: live events')), url);

  await expect(openLedger({ databaseUrl: url, dataDir: 'unused' })).rejects.toMatchObject({
    cause: { message: expect.stringMatching(/hand-written schema version 6, not 7/) },
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const left = await client
    .query(`SELECT max(version) AS version, to_regclass('drizzle.__drizzle_migrations')::text AS journal
      FROM schema_migrations`)
    .finally(() => client.end());
  expect(left.rows).toEqual([{ version: 6, journal: null }]);
});
