import './arcade.css';
import { useEffect, useId, useRef } from 'react';
import { GAME_IDS } from '../../shared/content/games.ts';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';
import { gameErrorKey } from './gameErrors.ts';
import { gameHowTo, gameInfo, gameName } from './gameNames.ts';
import { startGame } from './openGame.ts';

/**
 * The three cabinets to choose from, each with a line on how to play; Escape closes it. It sits between the top bar
 * (as the HUD measures it, settings and Leave included) and the screen's safe bottom edge, scrolling when short.
 */
export function ArcadeMenu() {
  const t = useT();
  const headingId = useId();
  const focus = useLayoverStore((state) => state.arcadeMenu);
  const locale = useLayoverStore((state) => state.locale);
  const error = useLayoverStore((state) => state.gameError);
  const close = useLayoverStore((state) => state.closeArcadeMenu);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!focus) return;
    first.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.code !== 'Escape') return;
      event.stopPropagation();
      useLayoverStore.getState().closeArcadeMenu();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [focus]);

  if (!focus) return null;
  return (
    <div className="arcade-menu-frame">
      <section className="arcade-menu" role="dialog" aria-labelledby={headingId} data-testid="arcade-menu">
        <header className="arcade-menu-head">
          <h2 id={headingId}>{t('games.arcade')}</h2>
          <button type="button" onClick={close} aria-label={t('games.close')} data-testid="arcade-close">
            ×
          </button>
        </header>
        {error && (
          <p className="arcade-error" role="alert" data-testid="arcade-error">
            {t(gameErrorKey(error))}
          </p>
        )}
        <ul>
          {GAME_IDS.map((id) => {
            const info = gameInfo(id);
            const players =
              info?.maxPlayers === 1 ? t('games.solo') : t('games.upTo', { max: info?.maxPlayers ?? 1 });
            return (
              <li key={id} className="arcade-game">
                <div>
                  <h3>{gameName(id, locale)}</h3>
                  <p>{gameHowTo(id, locale)}</p>
                  <p className="arcade-players">{players}</p>
                </div>
                <button
                  ref={id === focus ? first : undefined}
                  type="button"
                  className="primary"
                  onClick={() => startGame(id)}
                  data-testid={`game-open-${id}`}
                >
                  {t('games.play')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
