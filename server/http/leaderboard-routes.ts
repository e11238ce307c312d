import type { Application } from 'express';
import {
  LeaderboardParams,
  LeaderboardQuery,
  type LeaderboardResponse,
} from '../../shared/protocol/games.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';
import { utcDay } from '../domain/games/rounds.ts';
import { topScores } from '../games/leaderboard.ts';
import { describeZodError, sendError } from './errors.ts';

/** Top ten of a game, for the day (UTC) or all time: GET /api/games/:gameId/leaderboard?period=daily|all&day=. */
export function mountLeaderboardRoutes(app: Application, ctx: AppContext): void {
  app.get(routes.leaderboard.path, async (req, res) => {
    const params = LeaderboardParams.safeParse(req.params);
    if (!params.success) return sendError(res, 404, 'unknownGame', describeZodError(params.error));
    const query = LeaderboardQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 400, 'invalidQuery', describeZodError(query.error));
    const { gameId } = params.data;
    const { period } = query.data;
    const day = query.data.day ?? utcDay(Date.now());
    const entries = await topScores(ctx.ledger.db, { gameId, period, day });
    const body: LeaderboardResponse = { gameId, period, day: period === 'daily' ? day : null, entries };
    res.set('cache-control', 'no-store').json(body);
  });
}
