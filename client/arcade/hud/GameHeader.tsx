import type { GameId } from '../../../shared/content/games.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { gameName } from '../gameNames.ts';
import { leaveGame } from '../net/games.ts';
import { MuteToggle } from './MuteToggle.tsx';

export interface GameHeaderProps {
  gameId: GameId;
  titleId: string;
}

/** The cabinet's name, where the round stands, sound on or off, and the way back to the lounge. */
export function GameHeader({ gameId, titleId }: GameHeaderProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const connection = useLayoverStore((state) => state.game?.connection);
  const view = useLayoverStore((state) => state.gameView);
  const playing = view && (view.phase === 'playing' || view.phase === 'reveal');
  return (
    <header className="game-header">
      <div className="game-title">
        <h2 id={titleId}>{gameName(gameId, locale)}</h2>
        <p className="game-status" data-testid="game-status">
          {!view
            ? t('games.joining')
            : playing && view.turns > 1
              ? t('games.turnOf', { round: view.round, turn: view.turn + 1, turns: view.turns })
              : t(`games.phase.${view.phase}`)}
        </p>
      </div>
      {connection === 'reconnecting' && (
        <p className="pill game-reconnecting" role="status">
          {t('games.reconnecting')}
        </p>
      )}
      <div className="game-header-actions">
        <MuteToggle />
        <button type="button" className="game-back" onClick={() => void leaveGame()} data-testid="game-back">
          {t('games.backToLounge')}
        </button>
      </div>
    </header>
  );
}
