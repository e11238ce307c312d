import '../games.css';
import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
} from 'react';
import type { GameId } from '../../../shared/content/games.ts';
import { useT } from '../../core/i18n/useT.ts';
import { isTypingTarget } from '../../core/input/keyboard.ts';
import { useLayoverStore } from '../../core/store.ts';
import { handleGameKey } from '../gameKeys.ts';
import { CountdownBanner } from './CountdownBanner.tsx';
import { GameHeader } from './GameHeader.tsx';
import { GameSounds } from './GameSounds.tsx';
import { LobbyPanel } from './LobbyPanel.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { Scoreboard } from './Scoreboard.tsx';

/** Each game's view is its own chunk, loaded when its cabinet opens. */
const VIEWS: Record<GameId, LazyExoticComponent<ComponentType>> = {
  plane: lazy(() => import('../plane/PlaneView.tsx')),
  trivia: lazy(() => import('../trivia/TriviaView.tsx')),
  bags: lazy(() => import('../bags/BagsView.tsx')),
};

/** Keys the lounge behind would use (walk, turn, emote, chat): while a game is open they never reach it. */
const LOUNGE_KEYS = /^(Key[WASDQE]|Arrow(Up|Down|Left|Right)|Digit[1-4]|Enter|Space)$/;

/** Controls that act on Enter or Space themselves (not the overlay itself, which only holds focus). */
function pressable(target: EventTarget | null): boolean {
  const control =
    target instanceof Element ? target.closest('button, a[href], summary, [role="button"]') : null;
  return control !== null && !(control instanceof HTMLButtonElement && control.disabled);
}

/** Keeps the lounge's keys away while a game is open, and offers them to the game's view instead. */
function useGameKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      // Buttons keep Enter and Space for themselves; the lounge still must not see them.
      if ((event.code === 'Enter' || event.code === 'Space') && pressable(event.target)) {
        event.stopPropagation();
        return;
      }
      const used = handleGameKey(event);
      if (used) event.preventDefault();
      if (used || LOUNGE_KEYS.test(event.code)) event.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}

/** A game cabinet over the lounge: header, the game's own scene, lobby, countdown, scores and results. */
export default function GameOverlay() {
  const t = useT();
  const titleId = useId();
  const root = useRef<HTMLElement>(null);
  const game = useLayoverStore((state) => state.game);
  const view = useLayoverStore((state) => state.gameView);
  const resultsOpen = useLayoverStore((state) => state.resultsOpen);
  useGameKeys();
  useEffect(() => root.current?.focus(), []);
  if (!game) return null;
  const View = VIEWS[game.id];
  const phase = view?.phase ?? null;

  return (
    <section
      ref={root}
      className="game-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="game-overlay"
      data-game={game.id}
      data-phase={phase ?? 'joining'}
    >
      <GameHeader gameId={game.id} titleId={titleId} />
      <div className="game-body">
        <div className="game-stage">
          {view ? (
            <Suspense fallback={<p className="game-wait">{t('games.loading')}</p>}>
              <View />
            </Suspense>
          ) : (
            <p className="game-wait" aria-busy="true">
              {t('games.joining')}
            </p>
          )}
          {view && resultsOpen ? (
            <ResultsPanel view={view} />
          ) : phase === 'lobby' && view ? (
            <LobbyPanel view={view} />
          ) : phase === 'countdown' && view ? (
            <CountdownBanner endsAt={view.phaseEndsAt} />
          ) : null}
        </div>
        {view && (
          <aside className="game-side">
            <Scoreboard view={view} />
          </aside>
        )}
      </div>
      <GameSounds />
    </section>
  );
}
