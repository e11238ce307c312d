import { useId } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { GameView } from '../gameView.ts';
import { formatScore, rankPlayers } from '../results.ts';

/** Everyone at the cabinet, best score first, with what each is doing (ready, answered, away). */
export function Scoreboard({ view }: { view: GameView }) {
  const t = useT();
  const headingId = useId();
  const locale = useLayoverStore((state) => state.locale);
  const selfId = useLayoverStore((state) => state.game?.selfId);
  const ranked = rankPlayers(view.players);
  const inLobby = view.phase === 'lobby';
  return (
    <section className="game-scoreboard" aria-labelledby={headingId} data-testid="game-scoreboard">
      <h3 id={headingId}>
        {t('games.scores')}{' '}
        <span className="game-seats">
          {t('games.seats', { count: view.players.length, max: view.maxPlayers })}
        </span>
      </h3>
      <ol>
        {ranked.map(({ entry, rank }) => {
          const self = entry.sessionId === selfId;
          const state = !entry.connected
            ? t('games.player.away')
            : inLobby
              ? entry.ready
                ? t('games.player.ready')
                : t('games.player.notReady')
              : view.gameId === 'trivia' && view.phase === 'playing' && entry.answered
                ? t('games.player.answered')
                : '';
          return (
            <li key={entry.sessionId} data-self={self} data-testid={self ? 'score-self' : undefined}>
              <span className="score-rank">{inLobby ? '' : rank}</span>
              <span className="score-name">
                {entry.name}
                {self && <span className="score-you"> {t('games.you')}</span>}
                {state && <span className="score-state">{state}</span>}
              </span>
              <strong className="score-value">{formatScore(view.gameId, entry.score, locale)}</strong>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
