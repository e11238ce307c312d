import type { GameId } from '../../../shared/content/games.ts';
import type { LeaderboardResponse } from '../../../shared/protocol/games.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { LeaderboardPeriod } from '../gameView.ts';

/** Fetches a game's daily or all-time top ten into the store; a failure is stored as 'error' for the view. */
export async function refreshLeaderboard(gameId: GameId, period: LeaderboardPeriod): Promise<void> {
  const key = `${gameId}:${period}` as const;
  try {
    const board = await callRoute<LeaderboardResponse>(routes.leaderboard, {
      params: { gameId },
      query: { period },
      cache: 'no-store',
    });
    useLayoverStore.getState().setLeaderboard(key, board);
  } catch (error) {
    console.warn('Layover: loading the leaderboard failed', error);
    useLayoverStore.getState().setLeaderboard(key, 'error');
  }
}

/** Both boards of a game, e.g. when its cabinet opens and when a round's result is recorded. */
export function refreshLeaderboards(gameId: GameId): Promise<void> {
  return Promise.all([refreshLeaderboard(gameId, 'daily'), refreshLeaderboard(gameId, 'all')]).then(
    () => undefined,
  );
}
