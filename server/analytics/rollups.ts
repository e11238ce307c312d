import { and, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Quest, QuestStep } from '../../shared/content/quest-schema.ts';
import { analyticsDaily } from '../db/analytics-schema.ts';
import { eventVisits, liveEvents } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { questProgress } from '../db/schema.ts';
import type { QuestProgress } from '../domain/quests/engine.ts';
import { addDays } from './days.ts';
import { peakPresent } from './peak.ts';

/** A transaction of the ledger (what a refresh runs in). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The instant a UTC day starts, as SQL. */
const startOf = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'UTC')`;
const dayOf = (column: string) => sql.raw(`(${column} AT TIME ZONE 'UTC')::date`);
const INSERT = sql`INSERT INTO analytics_daily (day, metric, key, value)`;

/** Members (total and new by sign-in kind), daily and weekly active members, stamps, redemptions, game rounds. */
export async function insertDayMetrics(tx: Tx, from: string, to: string): Promise<void> {
  const [begin, end] = [startOf(from), startOf(addDays(to, 1))];
  const days = sql`SELECT generate_series(${from}::date, ${to}::date, interval '1 day')::date AS day`;
  await tx.execute(sql`${INSERT}
    SELECT d.day, 'members.total', '',
      ((SELECT count(*) FROM members WHERE created_at < ${begin}) + coalesce(sum(n.count) OVER (ORDER BY d.day), 0))::int
    FROM (${days}) d
    LEFT JOIN (SELECT ${dayOf('created_at')} AS day, count(*) AS count FROM members
      WHERE created_at >= ${begin} AND created_at < ${end} GROUP BY 1) n ON n.day = d.day`);
  // A member's sign-in kind: their first lasting credential, else their wallet, else none (a guest).
  await tx.execute(sql`${INSERT}
    SELECT ${dayOf('m.created_at')}, 'members.new',
      coalesce((SELECT c.kind FROM member_credentials c WHERE c.member_id = m.id ORDER BY c.created_at, c.id LIMIT 1),
        CASE WHEN m.address IS NULL THEN 'guest' ELSE 'wallet' END),
      count(*)::int
    FROM members m WHERE m.created_at >= ${begin} AND m.created_at < ${end} GROUP BY 1, 3`);
  await tx.execute(sql`${INSERT}
    SELECT day, 'active.dau', '', count(*)::int FROM member_days
    WHERE day >= ${from}::date AND day <= ${to}::date GROUP BY day`);
  await tx.execute(sql`${INSERT}
    SELECT d.day, 'active.wau', '', count(DISTINCT md.member_id)::int
    FROM (${days}) d JOIN member_days md ON md.day > d.day - 7 AND md.day <= d.day GROUP BY d.day`);
  await tx.execute(sql`${INSERT}
    SELECT ${dayOf('earned_at')}, 'stamps.issued', stamp_id, count(*)::int FROM member_stamps
    WHERE earned_at >= ${begin} AND earned_at < ${end} GROUP BY 1, 3`);
  await tx.execute(sql`${INSERT}
    SELECT ${dayOf('created_at')}, 'perks.redeemed', prize_id, sum(amount)::int FROM perk_redemptions
    WHERE created_at >= ${begin} AND created_at < ${end} GROUP BY 1, 3`);
  await tx.execute(sql`${INSERT}
    SELECT day, 'games.rounds', game_id, count(*)::int FROM game_scores
    WHERE day >= ${from}::date AND day <= ${to}::date GROUP BY 1, 3`);
}

/** Prize outbox rows by the day they were made: all of them, and by where they stand now. */
export async function insertPrizeMetrics(tx: Tx, from: string, to: string): Promise<void> {
  const rows = sql`SELECT ${dayOf('created_at')} AS day, item_id,
      CASE status WHEN 'delivered' THEN 'delivered' WHEN 'failed' THEN 'failed' ELSE 'pending' END AS bucket
    FROM outbox WHERE kind = 'prize' AND created_at >= ${startOf(from)} AND created_at < ${startOf(addDays(to, 1))}`;
  await tx.execute(sql`${INSERT}
    SELECT day, 'prizes.' || bucket, item_id, count(*)::int FROM (${rows}) r GROUP BY 1, 2, 3
    UNION ALL
    SELECT day, 'prizes.issued', item_id, count(*)::int FROM (${rows}) r GROUP BY 1, 3`);
}

/** Each live event that starts on a refreshed day (cancelled ones aside): distinct visitors and peak presence. */
export async function insertEventMetrics(tx: Tx, from: string, to: string): Promise<void> {
  const events = await tx
    .select({ id: liveEvents.id, startsAt: liveEvents.startsAt })
    .from(liveEvents)
    .where(
      and(
        gte(liveEvents.startsAt, new Date(`${from}T00:00:00Z`)),
        lt(liveEvents.startsAt, new Date(`${addDays(to, 1)}T00:00:00Z`)),
        isNull(liveEvents.cancelledAt),
      ),
    );
  for (const event of events) {
    const visits = await tx
      .select({ memberId: eventVisits.memberId, joinedAt: eventVisits.joinedAt, leftAt: eventVisits.leftAt })
      .from(eventVisits)
      .where(sql`${eventVisits.eventId} = ${event.id}`);
    const day = event.startsAt.toISOString().slice(0, 10);
    await tx.insert(analyticsDaily).values([
      { day, metric: 'events.visitors', key: event.id, value: new Set(visits.map((v) => v.memberId)).size },
      { day, metric: 'events.peak', key: event.id, value: peakPresent(visits) },
    ]);
  }
}

/**
 * Whether a run reached a step: done when last written, or its counter (by step id when the run recorded ids, by
 * position for runs written before journeys could change) at the step's count.
 */
function stepReached(run: QuestProgress, step: QuestStep, index: number): boolean {
  if (run.stepsDone?.includes(step.id)) return true;
  const at = run.stepIds ? run.stepIds.indexOf(step.id) : index;
  return at >= 0 && (run.steps[at] ?? 0) >= step.count;
}

/** Today's quest funnels (members who reached each step, completions): progress holds no history, so a snapshot. */
export async function insertQuestSnapshot(tx: Tx, today: string, quests: readonly Quest[]): Promise<void> {
  await tx.execute(sql`DELETE FROM analytics_daily WHERE metric LIKE 'quest.%' AND day = ${today}::date`);
  const runs = await tx
    .select({ questId: questProgress.questId, state: questProgress.state })
    .from(questProgress);
  const values = quests.flatMap((quest) => {
    const mine = runs.filter((run) => run.questId === quest.id);
    const steps = quest.steps.map((step, index) => ({
      day: today,
      metric: 'quest.step',
      key: `${quest.id}/${step.id}`,
      value: mine.filter((run) => stepReached(run.state, step, index)).length,
    }));
    const completed = mine.filter((run) => run.state.completions > 0 || run.state.done).length;
    return [...steps, { day: today, metric: 'quest.completed', key: quest.id, value: completed }];
  });
  if (values.length > 0) await tx.insert(analyticsDaily).values(values);
}
