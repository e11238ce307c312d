import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { asc, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { eventDrops, liveEvents } from '../../server/db/live-event-schema.ts';
import { type Db, type Ledger, openLedger } from '../../server/db/open.ts';
import {
  gameDailyBest,
  ledgerMeta,
  members,
  mintAttempts,
  outbox,
  sessions,
} from '../../server/db/schema.ts';
import { teamRoles } from '../../server/db/team-schema.ts';
import { accountTotals, balanceOf, memberAccount, memberHistory } from '../../server/points/ledger.ts';

// A ledger built by the old hand-written migrations (frozen in the fixture) upgrades in place on both databases:
// its rows stay, and its schema ends equal, column for column and constraint for constraint, to a fresh ledger's.
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const FIXTURE = new URL('../fixtures/ledger-legacy-v7.sql', import.meta.url);
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const ROWS = `
  INSERT INTO members (id, display_name, address) VALUES ('m1', 'Linh', '0xabc'), ('m2', 'An', NULL);
  INSERT INTO sessions (token_hash, member_id, kind, expires_at) VALUES ('t1', 'm1', 'wallet', now() + interval '1 day');
  INSERT INTO outbox (kind, member_id, item_id, event_id, status, source) VALUES ('prize', 'm1', 'mug', 'e1', 'held', 'q1');
  INSERT INTO mint_attempts (kind, nonce, tx_hash, raw_tx, max_fee_per_gas, outbox_ids, status)
    VALUES ('transfer', 3, '0xt', '0xr', '1', '[1]', 'sent');
  INSERT INTO member_points (member_id, points) VALUES ('m1', 120), ('m2', 0);
  INSERT INTO game_daily_best (game_id, day, member_id, score, at) VALUES ('bags', '2026-01-02', 'm2', 40, now());
  INSERT INTO staff (address, role) VALUES ('0xh', 'host'), ('0xa', 'admin');
  INSERT INTO live_events (id, spec, hall, starts_at, ends_at, created_by)
    VALUES ('ev1', '{"title":"Launch"}', 'main', now(), now() + interval '1 hour', '0xh');
  INSERT INTO event_drops (event_id, drop_key, prize_id, mode, supply, opened_at, closes_at, seed, commit)
    VALUES ('ev1', 'd1', 'mug', 'raffle', 5, now(), now(), 's', 'c');`;

/** Everything that makes up the schema, sorted, from the catalogue; equal shapes mean equal schemas. */
async function shape(db: Db) {
  const rows = async (query: string) => ((await db.execute(sql.raw(query))) as { rows: unknown[] }).rows;
  return {
    columns:
      await rows(`SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`),
    constraints: await rows(`SELECT conrelid::regclass::text AS table_name, conname, contype,
      pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      ORDER BY table_name, conname`),
    indexes: await rows(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
      ORDER BY tablename, indexname`),
    sequences: await rows(`SELECT sequence_name, data_type FROM information_schema.sequences
      WHERE sequence_schema = 'public' ORDER BY sequence_name`),
    journal: await rows('SELECT hash, created_at::text FROM drizzle.__drizzle_migrations ORDER BY id'),
  };
}

/** Opens a ledger that the run closes at the end unless the test closed it first. */
async function opened(place: Place): Promise<Ledger> {
  const ledger = await place.open();
  const close = ledger.close;
  let closing: Promise<void> | undefined;
  ledger.close = () => {
    closing ??= close();
    return closing;
  };
  cleanups.push(() => ledger.close());
  return ledger;
}

/** A place for one ledger: an empty PGlite data dir or an empty PostgreSQL database, dropped after the run. */
type Place = { open: () => Promise<Ledger>; legacy: (script: string) => Promise<void> };

async function pglitePlace(): Promise<Place> {
  const dir = await mkdtemp(join(tmpdir(), 'layover-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return {
    open: () => openLedger({ dataDir: dir }),
    legacy: async (script) => {
      const client = await PGlite.create(join(dir, 'ledger'));
      await client.exec(script);
      await client.close();
    },
  };
}

async function postgresPlace(): Promise<Place> {
  const name = `layover_migrations_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    open: () => openLedger({ databaseUrl: url.toString(), dataDir: 'unused' }),
    legacy: async (script) => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      await client.query(script).finally(() => client.end());
    },
  };
}

// Four PGlite starts (legacy, upgraded, fresh, reopened) take half a minute alone and more on a busy CI machine.
describe.each([
  ['PGlite', pglitePlace],
  ['PostgreSQL', postgresPlace],
] as const)('ledger migrations on %s', (_kind, place) => {
  it('upgrades a hand-migrated ledger without loss, to the schema a fresh ledger gets', async () => {
    const old = await place();
    await old.legacy(`${await readFile(FIXTURE, 'utf8')}\n${ROWS}`);
    const ledger = await opened(old);
    const fresh = await opened(await place());

    const { db } = ledger;
    expect(
      await db.select({ id: members.id, address: members.address }).from(members).orderBy(asc(members.id)),
    ).toEqual([
      { id: 'm1', address: '0xabc' },
      { id: 'm2', address: null },
    ]);
    expect((await db.select().from(sessions))[0]).toMatchObject({ memberId: 'm1', kind: 'wallet' });
    expect(await db.select().from(outbox)).toMatchObject([
      { id: 1, kind: 'prize', status: 'held', tries: 0 },
    ]);
    expect(await db.select().from(mintAttempts)).toMatchObject([{ kind: 'transfer', outboxIds: [1] }]);
    expect(await db.select().from(gameDailyBest)).toMatchObject([{ day: '2026-01-02', score: 40 }]);
    // Issue 20: the old staff table's roles live on in team_roles, admin as owner.
    expect(
      await db
        .select({ principal: teamRoles.principal, role: teamRoles.role, grantedBy: teamRoles.grantedBy })
        .from(teamRoles)
        .orderBy(asc(teamRoles.principal)),
    ).toEqual([
      { principal: '0xa', role: 'owner', grantedBy: null },
      { principal: '0xh', role: 'host', grantedBy: null },
    ]);
    expect(await db.select().from(liveEvents)).toMatchObject([
      { id: 'ev1', spec: { title: 'Launch' }, stage: {} },
    ]);
    expect(await db.select().from(eventDrops)).toMatchObject([{ dropKey: 'd1', supply: 5, claimed: 0 }]);
    // Points kept in place (member_points) became opening movements against the brand; the table is gone.
    expect(await balanceOf(db, memberAccount('m1'))).toBe(120);
    expect(await memberHistory(db, 'm1')).toMatchObject([
      { kind: 'opening', amount: 120, reason: { code: 'opening' } },
    ]);
    expect(await memberHistory(db, 'm2')).toEqual([]);
    expect(await accountTotals(db)).toMatchObject({ member: 120, brand: -120 });
    const [gone] = (
      (await db.execute(sql`SELECT to_regclass('public.member_points')::text AS t`)) as {
        rows: { t: string | null }[];
      }
    ).rows;
    expect(gone?.t).toBeNull();
    // The claim prefix is the ledger's identity on chain: the upgrade keeps the one it had.
    const prefixes = await db.select().from(ledgerMeta);
    expect(prefixes).toHaveLength(1);
    expect(prefixes[0]?.value).toMatch(/^[0-9a-f]{32}$/);
    // Sequences carry on where they were.
    const [next] = await db
      .insert(outbox)
      .values({ kind: 'stamp', memberId: 'm2', itemId: 's1', eventId: 'e2' })
      .returning({ id: outbox.id });
    expect(next?.id).toBe(2);

    expect(await shape(db)).toEqual(await shape(fresh.db));
    expect(await fresh.db.select().from(ledgerMeta)).toHaveLength(1);

    // Opening again finds nothing to do and changes nothing.
    const before = await shape(db);
    await ledger.close();
    const again = await opened(old);
    expect(await shape(again.db)).toEqual(before);
    expect(await again.db.select().from(ledgerMeta)).toEqual(prefixes);
  }, 180_000);
});
