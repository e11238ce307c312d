import { useId, useState } from 'react';
import type { GameId } from '../../../shared/content/games.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { LeaderboardPeriod } from '../gameView.ts';
import { refreshLeaderboard } from '../net/leaderboard.ts';
import { formatScore } from '../results.ts';

const PERIODS: readonly LeaderboardPeriod[] = ['daily', 'all'];

/** A game's top ten today (UTC) or of all time, our own line marked. */
export function Leaderboard({ gameId }: { gameId: GameId }) {
  const t = useT();
  const headingId = useId();
  const [period, setPeriod] = useState<LeaderboardPeriod>('daily');
  const locale = useLayoverStore((state) => state.locale);
  const memberId = useLayoverStore((state) => state.member?.id);
  const board = useLayoverStore((state) => state.leaderboards[`${gameId}:${period}`]);
  return (
    <section className="game-leaderboard" aria-labelledby={headingId}>
      <div className="leaderboard-head">
        <h3 id={headingId}>{t('games.leaderboard')}</h3>
        {/* biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, not a form field. */}
        <div className="leaderboard-tabs" role="group" aria-label={t('games.leaderboardPeriod')}>
          {PERIODS.map((each) => (
            <button
              key={each}
              type="button"
              aria-pressed={period === each}
              onClick={() => setPeriod(each)}
              data-testid={`leaderboard-tab-${each}`}
            >
              {t(each === 'daily' ? 'games.today' : 'games.allTime')}
            </button>
          ))}
        </div>
      </div>
      {board === undefined ? (
        <p className="game-hint">{t('games.loading')}</p>
      ) : board === 'error' ? (
        <p className="game-hint">
          {t('games.leaderboardFailed')}{' '}
          <button type="button" onClick={() => void refreshLeaderboard(gameId, period)}>
            {t('games.retry')}
          </button>
        </p>
      ) : board.entries.length === 0 ? (
        <p className="game-hint" data-testid={`leaderboard-${period}`}>
          {t('games.leaderboardEmpty')}
        </p>
      ) : (
        <ol className="leaderboard-list" data-testid={`leaderboard-${period}`}>
          {board.entries.map((entry) => (
            <li key={entry.memberId} data-self={entry.memberId === memberId}>
              <span className="score-rank">{entry.rank}</span>
              <span className="score-name">{entry.name}</span>
              <strong className="score-value">{formatScore(gameId, entry.score, locale)}</strong>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
