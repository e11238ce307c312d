import { and, desc, eq, gte, inArray, like, lte, sql } from 'drizzle-orm';
import type { Quest } from '../../shared/content/quest-schema.ts';
import {
  isoDayOf,
  type ProgramAnalytics,
  SIGN_IN_KINDS,
  type SignInKind,
} from '../../shared/protocol/analytics.ts';
import { analyticsDaily, analyticsRefresh } from '../db/analytics-schema.ts';
import { liveEvents } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { gameDailyBest } from '../db/schema.ts';
import { daysFrom, minDay, mondayOf } from './days.ts';
import { DAY_METRICS, PRIZE_METRICS } from './refresh.ts';
import { retentionRow } from './retention.ts';

type Row = { day: string; metric: string; key: string; value: number };

/** Sums of `metric` by key over the rows. */
function totals(rows: readonly Row[], metric: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) if (row.metric === metric) sums.set(row.key, (sums.get(row.key) ?? 0) + row.value);
  return sums;
}

const byValue = <T>(list: T[], value: (item: T) => number) => list.sort((a, b) => value(b) - value(a));

/** Every table of the analytics page for a period, read from the rollups (refreshed before by the caller). */
export async function programAnalytics(
  db: Db,
  period: { from: string; to: string },
  now: number,
  quests: readonly Quest[],
): Promise<ProgramAnalytics> {
  const today = isoDayOf(now);
  const end = minDay(period.to, today);
  const rows: Row[] = await db
    .select()
    .from(analyticsDaily)
    .where(
      and(
        gte(analyticsDaily.day, period.from),
        lte(analyticsDaily.day, end),
        inArray(analyticsDaily.metric, [...DAY_METRICS, ...PRIZE_METRICS]),
      ),
    );
  const [mark] = await db.select().from(analyticsRefresh);
  const days = daysFrom(period.from, end);
  const on = (metric: string, key = '') => {
    const map = new Map(
      rows.filter((r) => r.metric === metric && r.key === key).map((r) => [r.day, r.value]),
    );
    return (day: string) => map.get(day) ?? 0;
  };
  const newOn = Object.fromEntries(SIGN_IN_KINDS.map((kind) => [kind, on('members.new', kind)])) as Record<
    SignInKind,
    (day: string) => number
  >;
  const [dau, wau] = [on('active.dau'), on('active.wau')];
  const newMembers = days.map((day) => ({
    day,
    ...(Object.fromEntries(SIGN_IN_KINDS.map((kind) => [kind, newOn[kind](day)])) as Record<
      SignInKind,
      number
    >),
  }));
  const prizeKeys = new Set(rows.filter((r) => r.metric.startsWith('prizes.')).map((r) => r.key));
  for (const key of totals(rows, 'perks.redeemed').keys()) prizeKeys.add(key);
  const prizeTotal = (metric: string) => totals(rows, metric);
  const [issued, delivered, pending, failed, redeemed] = [
    prizeTotal('prizes.issued'),
    prizeTotal('prizes.delivered'),
    prizeTotal('prizes.pending'),
    prizeTotal('prizes.failed'),
    prizeTotal('perks.redeemed'),
  ];
  return {
    from: period.from,
    to: period.to,
    refreshedAt: mark?.refreshedAt.toISOString() ?? null,
    throughDay: mark?.throughDay ?? null,
    members: {
      total: await membersAt(db, end),
      newInPeriod: newMembers.reduce((sum, row) => sum + SIGN_IN_KINDS.reduce((n, k) => n + row[k], 0), 0),
    },
    newMembers,
    activity: days.map((day) => ({ day, dau: dau(day), wau: wau(day) })),
    retention: await retention(db, period.from, end, today),
    questFunnels: await questFunnels(db, end, quests),
    stamps: byValue(
      [...totals(rows, 'stamps.issued')].map(([stampId, n]) => ({ stampId, issued: n })),
      (row) => row.issued,
    ),
    prizes: byValue(
      [...prizeKeys].map((prizeId) => ({
        prizeId,
        issued: issued.get(prizeId) ?? 0,
        delivered: delivered.get(prizeId) ?? 0,
        pending: pending.get(prizeId) ?? 0,
        failed: failed.get(prizeId) ?? 0,
        redeemed: redeemed.get(prizeId) ?? 0,
      })),
      (row) => row.issued,
    ),
    games: await games(db, period.from, end, totals(rows, 'games.rounds')),
    events: await events(db, rows),
  };
}

/** Members at the end of `day`: the last total the rollups hold on or before it. */
async function membersAt(db: Db, day: string): Promise<number> {
  const [row] = await db
    .select({ value: analyticsDaily.value })
    .from(analyticsDaily)
    .where(and(eq(analyticsDaily.metric, 'members.total'), lte(analyticsDaily.day, day)))
    .orderBy(desc(analyticsDaily.day))
    .limit(1);
  return row?.value ?? 0;
}

/** Cohorts whose first week starts in the period. */
async function retention(db: Db, from: string, end: string, today: string) {
  const rows = await db
    .select()
    .from(analyticsDaily)
    .where(
      and(
        like(analyticsDaily.metric, 'retention.%'),
        gte(analyticsDaily.day, mondayOf(from)),
        lte(analyticsDaily.day, end),
      ),
    )
    .orderBy(analyticsDaily.day);
  const cohorts = new Map<string, { size: number; counts: Map<number, number> }>();
  for (const row of rows) {
    const cohort = cohorts.get(row.day) ?? { size: 0, counts: new Map<number, number>() };
    if (row.metric === 'retention.size') cohort.size = row.value;
    else cohort.counts.set(Number(row.key), row.value);
    cohorts.set(row.day, cohort);
  }
  return [...cohorts].map(([weekStart, { size, counts }]) => retentionRow(weekStart, size, counts, today));
}

/** The last quest snapshot on or before `end`, in the content's order of quests and steps. */
async function questFunnels(
  db: Db,
  end: string,
  quests: readonly Quest[],
): Promise<ProgramAnalytics['questFunnels']> {
  const [latest] = await db
    .select({ day: analyticsDaily.day })
    .from(analyticsDaily)
    .where(and(eq(analyticsDaily.metric, 'quest.completed'), lte(analyticsDaily.day, end)))
    .orderBy(desc(analyticsDaily.day))
    .limit(1);
  if (!latest) return { asOf: null, quests: [] };
  const rows = await db
    .select()
    .from(analyticsDaily)
    .where(and(eq(analyticsDaily.day, latest.day), like(analyticsDaily.metric, 'quest.%')));
  const value = (metric: string, key: string) =>
    rows.find((row) => row.metric === metric && row.key === key)?.value ?? 0;
  return {
    asOf: latest.day,
    quests: quests.map((quest) => ({
      questId: quest.id,
      steps: quest.steps.map((step) => ({
        stepId: step.id,
        members: value('quest.step', `${quest.id}/${step.id}`),
      })),
      completed: value('quest.completed', quest.id),
    })),
  };
}

/** Rounds from the rollups; players from the games' own per-day bests (one row per member, game and day). */
async function games(db: Db, from: string, end: string, rounds: Map<string, number>) {
  const players = await db
    .select({ gameId: gameDailyBest.gameId, n: sql<number>`count(DISTINCT ${gameDailyBest.memberId})::int` })
    .from(gameDailyBest)
    .where(and(gte(gameDailyBest.day, from), lte(gameDailyBest.day, end)))
    .groupBy(gameDailyBest.gameId);
  const playersOf = new Map(players.map((row) => [row.gameId, row.n]));
  return byValue(
    [...rounds].map(([gameId, n]) => ({ gameId, rounds: n, players: playersOf.get(gameId) ?? 0 })),
    (row) => row.rounds,
  );
}

async function events(db: Db, rows: readonly Row[]) {
  const [visitors, peaks] = [totals(rows, 'events.visitors'), totals(rows, 'events.peak')];
  const ids = [...visitors.keys()];
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: liveEvents.id, spec: liveEvents.spec, startsAt: liveEvents.startsAt })
    .from(liveEvents)
    .where(inArray(liveEvents.id, ids))
    .orderBy(liveEvents.startsAt);
  return found.map((event) => ({
    eventId: event.id,
    title: event.spec.title,
    startsAt: event.startsAt.toISOString(),
    visitors: visitors.get(event.id) ?? 0,
    peak: peaks.get(event.id) ?? 0,
  }));
}
