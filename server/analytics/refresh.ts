import { eq, sql } from 'drizzle-orm';
import type { Quest } from '../../shared/content/quest-schema.ts';
import { isoDayOf } from '../../shared/protocol/analytics.ts';
import { ADVISORY_LOCKS } from '../db/advisory-locks.ts';
import { analyticsRefresh } from '../db/analytics-schema.ts';
import type { Db } from '../db/open.ts';
import { addDays, minDay, mondayOf } from './days.ts';
import { insertDayMetrics, insertEventMetrics, insertPrizeMetrics, insertQuestSnapshot } from './rollups.ts';

/** The watermark row's id (one program per ledger). */
const WATERMARK = 'program';
/** Serialises refreshes across processes sharing PostgreSQL (pg_advisory_xact_lock key). */
const REFRESH_LOCK = ADVISORY_LOCKS.analyticsRefresh;
/** How far back prize rows still in flight are re-read until their status settles. */
const PRIZE_LOOKBACK_DAYS = 30;
/** Retention cohorts a refreshed day can change: its own week's and the eight before. */
const COHORT_LOOKBACK_DAYS = 8 * 7;

/** Metrics keyed by the day something happened: recomputed for the refreshed days only. */
export const DAY_METRICS = [
  'members.total',
  'members.new',
  'active.dau',
  'active.wau',
  'stamps.issued',
  'perks.redeemed',
  'games.rounds',
  'events.visitors',
  'events.peak',
] as const;
export const PRIZE_METRICS = [
  'prizes.issued',
  'prizes.delivered',
  'prizes.pending',
  'prizes.failed',
] as const;

export interface RefreshOptions {
  /** Recompute from this day even when it lies before the watermark (a correction of past data). */
  since?: string | undefined;
}

export interface RefreshOutcome {
  /** The first and last day recomputed. */
  fromDay: string;
  throughDay: string;
}

/**
 * Brings the rollups up to date, incrementally. The rule: the days from the watermark (the last day the previous
 * refresh computed, itself included, since it may have been partial) through today are recomputed; days before it
 * keep their figures, even if data for them arrives later, unless `since` asks for them. Two exceptions, both bounded:
 * prize rows still in flight are re-read for up to 30 days until their status settles, and retention cohorts of the
 * nine weeks up to the first refreshed day are recounted. Idempotent: a second refresh with no new data changes nothing.
 */
export async function refreshAnalytics(
  db: Db,
  now: number,
  quests: readonly Quest[],
  options: RefreshOptions = {},
): Promise<RefreshOutcome> {
  const today = isoDayOf(now);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`);
    const [mark] = await tx.select().from(analyticsRefresh).where(eq(analyticsRefresh.id, WATERMARK));
    let start = mark?.throughDay ?? (await firstDay(tx)) ?? today;
    if (options.since && options.since < start) start = options.since;
    start = minDay(start, today);

    await deleteMetrics(tx, DAY_METRICS, start, today);
    await insertDayMetrics(tx, start, today);
    const prizeStart = minDay(start, await oldestPendingPrizeDay(tx, addDays(start, -PRIZE_LOOKBACK_DAYS)));
    await deleteMetrics(tx, PRIZE_METRICS, prizeStart, today);
    await insertPrizeMetrics(tx, prizeStart, today);
    await insertEventMetrics(tx, start, today);
    await recountRetention(tx, addDays(mondayOf(start), -COHORT_LOOKBACK_DAYS));
    await insertQuestSnapshot(tx, today, quests);

    const refreshedAt = new Date(now);
    await tx
      .insert(analyticsRefresh)
      .values({ id: WATERMARK, throughDay: today, refreshedAt })
      .onConflictDoUpdate({ target: analyticsRefresh.id, set: { throughDay: today, refreshedAt } });
    return { fromDay: start, throughDay: today };
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Rows<T> = { rows: T[] };

async function deleteMetrics(tx: Tx, metrics: readonly string[], from: string, to: string) {
  const list = sql.join(
    metrics.map((metric) => sql`${metric}`),
    sql`, `,
  );
  await tx.execute(
    sql`DELETE FROM analytics_daily WHERE metric IN (${list}) AND day >= ${from}::date AND day <= ${to}::date`,
  );
}

/** The first day anything was recorded: the first member's or the first active day. */
async function firstDay(tx: Tx): Promise<string | undefined> {
  const result = (await tx.execute(sql`
    SELECT least(
      (SELECT min((created_at AT TIME ZONE 'UTC')::date) FROM members),
      (SELECT min(day) FROM member_days)
    )::text AS day`)) as unknown as Rows<{ day: string | null }>;
  return result.rows[0]?.day ?? undefined;
}

/** The oldest day since `floor` whose prizes were still in flight at the last refresh (or `9999-12-31`: none). */
async function oldestPendingPrizeDay(tx: Tx, floor: string): Promise<string> {
  const result = (await tx.execute(sql`
    SELECT min(day)::text AS day FROM analytics_daily
    WHERE metric = 'prizes.pending' AND value > 0 AND day >= ${floor}::date`)) as unknown as Rows<{
    day: string | null;
  }>;
  return result.rows[0]?.day ?? '9999-12-31';
}

/** Cohort sizes and weekly returns for cohorts whose week starts on or after `fromMonday`. */
async function recountRetention(tx: Tx, fromMonday: string) {
  await tx.execute(
    sql`DELETE FROM analytics_daily WHERE metric LIKE 'retention.%' AND day >= ${fromMonday}::date`,
  );
  const firsts = sql`SELECT member_id, date_trunc('week', min(day)::timestamp)::date AS monday
    FROM member_days GROUP BY member_id`;
  await tx.execute(sql`
    WITH firsts AS (${firsts})
    INSERT INTO analytics_daily (day, metric, key, value)
    SELECT monday, 'retention.size', '', count(*)::int FROM firsts WHERE monday >= ${fromMonday}::date GROUP BY monday`);
  await tx.execute(sql`
    WITH firsts AS (${firsts})
    INSERT INTO analytics_daily (day, metric, key, value)
    SELECT f.monday, 'retention.week', ((md.day - f.monday) / 7)::text, count(DISTINCT md.member_id)::int
    FROM firsts f JOIN member_days md ON md.member_id = f.member_id
    WHERE f.monday >= ${fromMonday}::date AND md.day >= f.monday + 7 AND md.day < f.monday + 63
    GROUP BY 1, 3`);
}
