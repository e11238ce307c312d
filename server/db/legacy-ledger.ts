import { sql } from 'drizzle-orm';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** The last version of the hand-written migrations (schema_migrations) that drizzle-kit's baseline reproduces. */
const LEGACY_VERSION = 7;

// PostgreSQL's default constraint names (what the hand-written SQL got) -> drizzle-kit's names (what the baseline
// creates and what later generated migrations will refer to). Everything else already matches.
const RENAMES: readonly (readonly [table: string, from: string, to: string])[] = [
  ['members', 'members_address_key', 'members_address_unique'],
  ['mint_attempts', 'mint_attempts_tx_hash_key', 'mint_attempts_tx_hash_unique'],
  ['event_drops', 'event_drops_event_id_drop_key_key', 'event_drops_event_id_drop_key_unique'],
  ['event_drops', 'event_drops_check', 'event_drops_claimed_check'],
  ['quest_progress', 'quest_progress_pkey', 'quest_progress_member_id_quest_id_pk'],
  ['member_stamps', 'member_stamps_pkey', 'member_stamps_member_id_stamp_id_pk'],
  ['game_daily_best', 'game_daily_best_pkey', 'game_daily_best_game_id_day_member_id_pk'],
  ['game_best', 'game_best_pkey', 'game_best_game_id_member_id_pk'],
  ['drop_claims', 'drop_claims_pkey', 'drop_claims_drop_id_member_id_pk'],
  ['event_bans', 'event_bans_pkey', 'event_bans_scope_key_member_id_pk'],
  ['poll_votes', 'poll_votes_pkey', 'poll_votes_poll_id_member_id_pk'],
  ['content_drafts', 'content_drafts_pkey', 'content_drafts_kind_id_pk'],
  ...(
    [
      ['sessions', 'member_id', 'members'],
      ['events', 'member_id', 'members'],
      ['quest_progress', 'member_id', 'members'],
      ['member_stamps', 'member_id', 'members'],
      ['member_points', 'member_id', 'members'],
      ['outbox', 'member_id', 'members'],
      ['game_scores', 'member_id', 'members'],
      ['game_daily_best', 'member_id', 'members'],
      ['game_best', 'member_id', 'members'],
      ['event_drops', 'event_id', 'live_events'],
      ['drop_claims', 'drop_id', 'event_drops'],
      ['drop_claims', 'member_id', 'members'],
      ['event_visits', 'event_id', 'live_events'],
      ['event_visits', 'member_id', 'members'],
      ['event_bans', 'member_id', 'members'],
      ['event_reports', 'event_id', 'live_events'],
      ['event_reports', 'reporter_id', 'members'],
      ['poll_votes', 'member_id', 'members'],
    ] as const
  ).map(
    ([table, column, target]) =>
      [table, `${table}_${column}_fkey`, `${table}_${column}_${target}_id_fk`] as const,
  ),
];

type AnyDb = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

/**
 * Hands a ledger built by the old hand-written migrations over to drizzle-kit's: renames its constraints to the
 * baseline's names, records the baseline as applied and drops `schema_migrations`, in one transaction, so the
 * migrator then runs only what came after the baseline. Rows are not touched. Returns whether it adopted one.
 */
export async function adoptLegacyLedger(db: AnyDb, baseline: MigrationMeta): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = async <T>(query: ReturnType<typeof sql>) =>
      ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
    const [found] = await rows<{ legacy: string | null }>(
      sql`SELECT to_regclass('public.schema_migrations')::text AS legacy`,
    );
    if (!found?.legacy) return false;
    const [versions] = await rows<{ latest: number | null; count: number }>(
      sql`SELECT max(version)::int AS latest, count(*)::int AS count FROM schema_migrations`,
    );
    if (versions?.latest !== LEGACY_VERSION || versions.count !== LEGACY_VERSION) {
      throw new Error(
        `Layover: this ledger is at hand-written schema version ${versions?.latest ?? 'none'}, not ${LEGACY_VERSION}; ` +
          'open it once with a server from before the drizzle-kit migrations to bring it there',
      );
    }
    for (const [table, from, to] of RENAMES) {
      await tx.execute(
        sql`ALTER TABLE ${sql.identifier(table)} RENAME CONSTRAINT ${sql.identifier(from)} TO ${sql.identifier(to)}`,
      );
    }
    // The same journal table drizzle-orm's migrator creates; it skips every migration up to the latest entry.
    await tx.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
    await tx.execute(
      sql`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`,
    );
    await tx.execute(
      sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${baseline.hash}, ${baseline.folderMillis})`,
    );
    await tx.execute(sql`DROP TABLE schema_migrations`);
    return true;
  });
}
