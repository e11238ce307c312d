import { and, asc, desc, eq } from 'drizzle-orm';
import type { LeaderboardEntry } from '../../shared/protocol/games.ts';
import type { Db } from '../db/open.ts';
import { gameBest, gameDailyBest, members } from '../db/schema.ts';

/** The top `limit` of one game's board: the day's best per member, or each member's best ever. */
export async function topScores(
  db: Db,
  query: { gameId: string; period: 'daily' | 'all'; day: string; limit?: number },
): Promise<LeaderboardEntry[]> {
  const limit = query.limit ?? 10;
  const rows =
    query.period === 'daily'
      ? await db
          .select({
            memberId: gameDailyBest.memberId,
            name: members.displayName,
            score: gameDailyBest.score,
            at: gameDailyBest.at,
          })
          .from(gameDailyBest)
          .innerJoin(members, eq(members.id, gameDailyBest.memberId))
          .where(and(eq(gameDailyBest.gameId, query.gameId), eq(gameDailyBest.day, query.day)))
          .orderBy(desc(gameDailyBest.score), asc(gameDailyBest.at), asc(gameDailyBest.memberId))
          .limit(limit)
      : await db
          .select({
            memberId: gameBest.memberId,
            name: members.displayName,
            score: gameBest.score,
            at: gameBest.at,
          })
          .from(gameBest)
          .innerJoin(members, eq(members.id, gameBest.memberId))
          .where(eq(gameBest.gameId, query.gameId))
          .orderBy(desc(gameBest.score), asc(gameBest.at), asc(gameBest.memberId))
          .limit(limit);
  return rows.map((row, index) => ({ rank: index + 1, ...row, at: row.at.getTime() }));
}

/** A member's best score of a game on `day` and ever (0 when none). */
export async function memberBests(
  db: Db,
  query: { gameId: string; memberId: string; day: string },
): Promise<{ dailyBest: number; allTimeBest: number }> {
  const [[daily], [ever]] = await Promise.all([
    db
      .select({ score: gameDailyBest.score })
      .from(gameDailyBest)
      .where(
        and(
          eq(gameDailyBest.gameId, query.gameId),
          eq(gameDailyBest.day, query.day),
          eq(gameDailyBest.memberId, query.memberId),
        ),
      ),
    db
      .select({ score: gameBest.score })
      .from(gameBest)
      .where(and(eq(gameBest.gameId, query.gameId), eq(gameBest.memberId, query.memberId))),
  ]);
  return { dailyBest: daily?.score ?? 0, allTimeBest: ever?.score ?? 0 };
}
