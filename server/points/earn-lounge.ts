import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { EarningRule } from '../../shared/content/earning-rules.ts';
import type { Db } from '../db/open.ts';
import { pointsEntries, pointsMovements } from '../db/points-schema.ts';
import { type EarningEvent, evaluateEarning } from '../domain/points/earning.ts';
import type { QuestEffect, QuestEvent } from '../domain/quests/engine.ts';
import { BRAND_ACCOUNT, memberAccount, postMovement } from './ledger.ts';

const DAY_MS = 86_400_000;

/** One thing a lounge event earns on, with the occurrence id its points are keyed by (`earn:<id>:<ruleId>`). */
export interface EarningOccurrence {
  id: string;
  event: EarningEvent;
}

/**
 * What a recorded quest event earns on: the event itself (a game, a zone, a live event attended: once per live
 * event and member, however many milestones report it) and each stamp it earned.
 */
export function occurrencesOf(
  memberId: string,
  event: QuestEvent,
  effects: readonly QuestEffect[],
): EarningOccurrence[] {
  const found: EarningOccurrence[] = [];
  if (event.kind === 'gameFinished')
    found.push({ id: event.id, event: { kind: 'gameFinished', gameId: event.gameId, won: event.won } });
  else if (event.kind === 'zoneVisited')
    found.push({ id: event.id, event: { kind: 'zoneVisited', zone: event.zone } });
  else if (event.kind === 'eventAttended')
    found.push({ id: `attend:${event.liveEventId}:${memberId}`, event: { kind: 'eventAttended' } });
  for (const effect of effects)
    if (effect.type === 'StampEarned')
      found.push({ id: `${event.id}:stamp:${effect.stampId}`, event: { kind: 'stampEarned' } });
  return found;
}

/** Points the member earned today (the UTC day of `at`) by each rule: what daily caps count against. */
export async function earnedTodayByRule(tx: Db, memberId: string, at: Date): Promise<Record<string, number>> {
  const start = new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
  const rows = await tx
    .select({
      rule: pointsMovements.source,
      total: sql<string>`sum(${pointsEntries.amount})`.mapWith(Number),
    })
    .from(pointsEntries)
    .innerJoin(pointsMovements, eq(pointsMovements.id, pointsEntries.movementId))
    .where(
      and(
        eq(pointsEntries.accountKind, 'member'),
        eq(pointsEntries.accountId, memberId),
        eq(pointsMovements.kind, 'earn'),
        gte(pointsEntries.at, start),
        lt(pointsEntries.at, new Date(start.getTime() + DAY_MS)),
      ),
    )
    .groupBy(pointsMovements.source);
  return Object.fromEntries(rows.map((row) => [row.rule, row.total]));
}

/**
 * Posts what the brand's earning rules give for a recorded lounge event, inside the caller's transaction (the member
 * row locked): one movement per occurrence and rule, keyed `earn:<occurrence>:<ruleId>`, the brand paying the
 * member. Daily caps count what was earned earlier the same UTC day. Returns the points posted.
 */
export async function earnForEvent(
  tx: Db,
  input: {
    memberId: string;
    occurrences: readonly EarningOccurrence[];
    at: Date;
    /** The member's status level id, for tier bonuses. */
    statusId: string;
    rules: readonly EarningRule[];
  },
): Promise<number> {
  const { memberId, at } = input;
  if (input.occurrences.length === 0) return 0;
  const earnedToday = await earnedTodayByRule(tx, memberId, at);
  let posted = 0;
  for (const occurrence of input.occurrences) {
    const earned = evaluateEarning(input.rules, {
      event: occurrence.event,
      statusId: input.statusId,
      earnedToday,
    });
    for (const { ruleId, points } of earned) {
      const result = await postMovement(tx, {
        key: `earn:${occurrence.id}:${ruleId}`,
        kind: 'earn',
        reason: { code: 'earn', params: { rule: ruleId } },
        at,
        source: ruleId,
        entries: [
          { account: memberAccount(memberId), amount: points },
          { account: BRAND_ACCOUNT, amount: -points },
        ],
      });
      if (!result.posted) continue;
      earnedToday[ruleId] = (earnedToday[ruleId] ?? 0) + points;
      posted += points;
    }
  }
  return posted;
}
