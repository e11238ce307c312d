import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { gameHowTo } from '../gameNames.ts';
import type { GameView } from '../gameView.ts';
import { sendReady } from '../net/gameInputs.ts';
import { unlockSounds } from '../sounds.ts';
import { Leaderboard } from './Leaderboard.tsx';
import { PhaseClock } from './PhaseClock.tsx';

/** Before a round: how to play, who is here, the Ready button and the game's leaderboards. */
export function LobbyPanel({ view }: { view: GameView }) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const selfId = useLayoverStore((state) => state.game?.selfId);
  const self = view.players.find((player) => player.sessionId === selfId);
  const ready = self?.ready ?? false;
  const anyoneReady = view.players.some((player) => player.ready);
  const solo = view.maxPlayers === 1;
  return (
    <div className="game-panel game-lobby" data-testid="game-lobby">
      <p className="game-howto">{gameHowTo(view.gameId, locale)}</p>
      <button
        type="button"
        className="primary game-action"
        aria-pressed={ready}
        onClick={() => {
          unlockSounds();
          sendReady(!ready);
        }}
        data-testid="game-ready"
      >
        {ready ? t('games.notReady') : solo ? t('games.start') : t('games.ready')}
      </button>
      {!solo && (
        <p className="game-hint">
          {anyoneReady && view.phaseEndsAt > 0 ? (
            <>
              {t('games.lobbyStartsIn')} <PhaseClock endsAt={view.phaseEndsAt} />
            </>
          ) : (
            t('games.lobbyWaiting', { min: view.minPlayers })
          )}
        </p>
      )}
      <Leaderboard gameId={view.gameId} />
    </div>
  );
}
