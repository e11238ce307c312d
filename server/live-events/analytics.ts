import { and, count, eq, inArray } from 'drizzle-orm';
import { DOORS_OPEN_MS } from '../../shared/content/live-events.ts';
import type { Quest } from '../../shared/content/quest-schema.ts';
import type { ConsoleAnalytics, ConsoleDropView } from '../../shared/protocol/live-events.ts';
import { dropClaims, eventDrops, eventVisits } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { memberStamps, outbox, questProgress } from '../db/schema.ts';
import type { LiveEventRow } from './schedule.ts';

const MINUTE = 60_000;

/** Drops of an event with claims, entrants and prizes delivered. */
export async function dropViews(db: Db, eventId: string): Promise<ConsoleDropView[]> {
  const drops = await db
    .select()
    .from(eventDrops)
    .where(eq(eventDrops.eventId, eventId))
    .orderBy(eventDrops.id);
  const views: ConsoleDropView[] = [];
  for (const drop of drops) {
    const claims = await db.select().from(dropClaims).where(eq(dropClaims.dropId, drop.id));
    const outboxIds = claims.flatMap((claim) => (claim.outboxId ? [claim.outboxId] : []));
    const [delivered] = outboxIds.length
      ? await db
          .select({ n: count() })
          .from(outbox)
          .where(and(inArray(outbox.id, outboxIds), eq(outbox.status, 'delivered')))
      : [{ n: 0 }];
    views.push({
      dropId: drop.dropKey,
      prizeId: drop.prizeId,
      mode: drop.mode,
      supply: drop.supply,
      claimed: drop.claimed,
      entrants: claims.length,
      openedAt: drop.openedAt.toISOString(),
      closesAt: drop.closesAt.toISOString(),
      commit: drop.mode === 'raffle' ? drop.commit : null,
      seed: drop.drawnAt ? drop.seed : null,
      delivered: delivered?.n ?? 0,
    });
  }
  return views;
}

/** Members present per minute, from the ledger's stays (an open stay counts until now). */
export async function attendanceSeries(db: Db, event: LiveEventRow, now: number) {
  const visits = await db.select().from(eventVisits).where(eq(eventVisits.eventId, event.id));
  const from = event.startsAt.getTime() - DOORS_OPEN_MS;
  const to = Math.min(now, event.endedAt?.getTime() ?? event.endsAt.getTime());
  const presentAt = (t: number) =>
    new Set(
      visits
        .filter((visit) => visit.joinedAt.getTime() <= t && (visit.leftAt?.getTime() ?? now + 1) > t)
        .map((visit) => visit.memberId),
    ).size;
  const series: { at: string; present: number }[] = [];
  for (let t = from; t < to && series.length < 24 * 60; t += MINUTE)
    series.push({ at: new Date(t).toISOString(), present: presentAt(t) });
  // The last point is the end (or, during the show, now).
  if (to >= from) series.push({ at: new Date(to).toISOString(), present: presentAt(to) });
  return { series, uniqueVisitors: new Set(visits.map((visit) => visit.memberId)).size };
}

/** Per published quest (`quests`), members who reached each step (the brand's funnel), and completions. */
export async function questFunnel(db: Db, quests: readonly Quest[]): Promise<ConsoleAnalytics['funnel']> {
  const runs = await db
    .select({ questId: questProgress.questId, state: questProgress.state })
    .from(questProgress);
  return quests.map((quest) => {
    const mine = runs.filter((run) => run.questId === quest.id);
    return {
      questId: quest.id,
      steps: quest.steps.map((step, index) => ({
        stepId: step.id,
        members: mine.filter((run) => (run.state.steps[index] ?? 0) >= step.count).length,
      })),
      completed: mine.filter((run) => run.state.completions > 0 || run.state.done).length,
    };
  });
}

/** One event's figures for the console; the funnel is over the published `quests`. */
export async function eventAnalytics(
  db: Db,
  event: LiveEventRow,
  now: number,
  quests: readonly Quest[],
): Promise<ConsoleAnalytics> {
  const source = `event:${event.id}`;
  const { series, uniqueVisitors } = await attendanceSeries(db, event, now);
  const [attended] = await db
    .select({ n: count() })
    .from(memberStamps)
    .where(eq(memberStamps.questId, source));
  const byStatus = await db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .where(and(eq(outbox.source, source), eq(outbox.kind, 'prize')))
    .groupBy(outbox.status);
  return {
    eventId: event.id,
    attendance: series,
    uniqueVisitors,
    attended: attended?.n ?? 0,
    drops: await dropViews(db, event.id),
    prizes: Object.fromEntries(byStatus.map((row) => [row.status, row.n])),
    funnel: await questFunnel(db, quests),
  };
}
