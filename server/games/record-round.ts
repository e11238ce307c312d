import { sql } from 'drizzle-orm';
import type { Prize } from '../../shared/content/prizes.ts';
import type { QuestContent } from '../../shared/content/quest-schema.ts';
import type { Db } from '../db/open.ts';
import { events, gameBest, gameDailyBest, gameScores } from '../db/schema.ts';
import { utcDay } from '../domain/games/rounds.ts';
import { type OutboxRow, queueAward } from '../prizes/award.ts';
import type { PrizeRequirement } from '../prizes/eligibility.ts';
import { type RecordResult, recordQuestEvent } from '../quests/record.ts';
import { memberBests } from './leaderboard.ts';

export interface GameRoundParameters {
  /** `${roomId}:${round}:${memberId}`: the same round recorded twice counts once. */
  eventId: string;
  gameId: string;
  memberId: string;
  score: number;
  won: boolean;
  at: Date;
  /** The game's winner prize, queued when `won` and the member has not won it in this game today. */
  winnerPrize: string | undefined;
  content: QuestContent;
  /** The brand's custody address for guests' prizes (AppContext.custodyAddress). */
  custody?: string | undefined;
  /** The brand's PRIZE_REQUIRES (`prizeRequirement(ctx.config)`); omitted means `any`. */
  requires?: PrizeRequirement | undefined;
  /** The published prizes (ctx.content.current().bundle.prizes): decide custody for the prizes it wins. */
  prizes?: readonly Prize[] | undefined;
}

export interface GameRoundRecord {
  quest: RecordResult;
  /** The winner prize this round queued, else null. */
  prize: OutboxRow | null;
  dailyBest: number;
  allTimeBest: number;
}

/** The event id of a member's winner prize in one game on one UTC day: the ledger refuses a second. */
export const winnerPrizeEventId = (gameId: string, day: string, memberId: string) =>
  `${gameId}:winner:${day}:${memberId}`;

/**
 * Records one player's finished round in one transaction: the quest event (and what it earned), the score, the
 * day's and all-time bests, and the winner prize; null when the event id was already recorded (nothing changes).
 */
export async function recordGameRound(db: Db, params: GameRoundParameters): Promise<GameRoundRecord | null> {
  const { eventId, gameId, memberId, score, won, at } = params;
  const day = utcDay(at.getTime());
  return db.transaction(async (tx) => {
    const quest = await recordQuestEvent(tx, {
      memberId,
      event: { id: eventId, kind: 'gameFinished', gameId, score, won, place: gameId },
      at,
      content: params.content,
      custody: params.custody,
      requires: params.requires,
      prizes: params.prizes,
    });
    if (!quest.recorded) return null;
    await tx.insert(gameScores).values({ eventId, gameId, memberId, score, won, day, at });
    await tx
      .insert(gameDailyBest)
      .values({ gameId, day, memberId, score, at })
      .onConflictDoUpdate({
        target: [gameDailyBest.gameId, gameDailyBest.day, gameDailyBest.memberId],
        set: { score, at },
        setWhere: sql`${gameDailyBest.score} < ${score}`,
      });
    await tx
      .insert(gameBest)
      .values({ gameId, memberId, score, at })
      .onConflictDoUpdate({
        target: [gameBest.gameId, gameBest.memberId],
        set: { score, at },
        setWhere: sql`${gameBest.score} < ${score}`,
      });
    let prize: OutboxRow | null = null;
    if (won && params.winnerPrize) {
      const prizeEventId = winnerPrizeEventId(gameId, day, memberId);
      const inserted = await tx
        .insert(events)
        .values({
          id: prizeEventId,
          memberId,
          kind: 'gameWon',
          payload: { gameId, prizeId: params.winnerPrize, roundEventId: eventId, score },
          at,
        })
        .onConflictDoNothing({ target: events.id })
        .returning({ id: events.id });
      if (inserted.length > 0)
        prize = await queueAward(tx, {
          kind: 'prize',
          memberId,
          itemId: params.winnerPrize,
          eventId: prizeEventId,
          source: gameId,
          at,
          custody: params.custody,
          requires: params.requires,
          prizes: params.prizes,
        });
    }
    return { quest, prize, ...(await memberBests(tx, { gameId, memberId, day })) };
  });
}
