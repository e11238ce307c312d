import { useId } from 'react';
import { useContent } from '../../core/content/useContent.ts';
import { prizeName } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { GameView } from '../gameView.ts';
import { leaveGame } from '../net/games.ts';
import { PlaneParLines } from '../plane/PlaneParLines.tsx';
import { playAgain } from '../playAgain.ts';
import { formatScore, recordOf } from '../results.ts';
import { Leaderboard } from './Leaderboard.tsx';
import { PhaseClock } from './PhaseClock.tsx';

/**
 * The round is over: our rank, score and bests, a prize if one was won, and the leaderboards. "Play again" works at
 * any time: before the next lobby opens it queues us for it.
 */
export function ResultsPanel({ view }: { view: GameView }) {
  const t = useT();
  const headingId = useId();
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  const result = useLayoverStore((state) => state.roundResult);
  const queued = useLayoverStore((state) => state.playAgainQueued);
  const record = result ? recordOf(result) : null;
  const score = (value: number) => formatScore(view.gameId, value, locale);

  return (
    <section
      className="game-panel game-results"
      aria-labelledby={headingId}
      data-testid="game-results"
      data-won={result?.won ?? false}
    >
      <h3 id={headingId}>
        {!result ? t('games.results.saving') : result.won ? t('games.results.won') : t('games.results.over')}
      </h3>
      {result && (
        <dl className="results-grid">
          <div>
            <dt>{t('games.results.rank')}</dt>
            <dd data-testid="results-rank">
              {t('games.results.rankOf', { rank: result.rank, players: result.players })}
            </dd>
          </div>
          <div>
            <dt>{t('games.results.score')}</dt>
            <dd data-testid="results-score">{score(result.score)}</dd>
          </div>
          <div>
            <dt>{t('games.results.dailyBest')}</dt>
            <dd data-testid="results-daily-best">{score(result.dailyBest)}</dd>
          </div>
          <div>
            <dt>{t('games.results.allTimeBest')}</dt>
            <dd data-testid="results-all-time-best">{score(result.allTimeBest)}</dd>
          </div>
        </dl>
      )}
      {view.plane && <PlaneParLines flights={view.plane.flights} />}
      {record && (
        <p className="results-record">
          {t(record === 'allTime' ? 'games.results.newAllTime' : 'games.results.newDaily')}
        </p>
      )}
      {result?.prize && (
        <p className="results-prize" data-testid="results-prize">
          {t('games.results.prize', { prize: prizeName(result.prize.prizeId, locale) })}
        </p>
      )}
      {result?.prize?.keepAccountBy !== undefined && (
        <p className="results-prize-held" data-testid="results-prize-held">
          {t('rewards.keepAccount')}
        </p>
      )}
      <div className="results-actions">
        <button
          type="button"
          className="primary game-action"
          onClick={() => playAgain()}
          aria-pressed={queued}
          data-testid="game-play-again"
        >
          {queued ? t('games.playAgain.waiting') : t('games.playAgain')}
        </button>
        <button type="button" onClick={() => void leaveGame()}>
          {t('games.backToLounge')}
        </button>
      </div>
      {view.phase === 'results' && (
        <p className="game-hint" data-testid={queued ? 'game-play-again-queued' : undefined}>
          {queued ? t('games.playAgain.queued') : t('games.nextRoundIn')}{' '}
          <PhaseClock endsAt={view.phaseEndsAt} />
        </p>
      )}
      <Leaderboard gameId={view.gameId} />
    </section>
  );
}
