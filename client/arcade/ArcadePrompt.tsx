import { useEffect } from 'react';
import { useT } from '../core/i18n/useT.ts';
import { loungeKeyBlocked } from '../core/input/keyboard.ts';
import { useSelfInZone } from '../core/nearZone.ts';
import { useLayoverStore } from '../core/store.ts';
import { ARCADE_ZONE } from './cabinets.ts';

/** In the arcade corner: a button (and E) that offers the three games. */
export function ArcadePrompt() {
  const atArcade = useSelfInZone(ARCADE_ZONE);
  const busy = useLayoverStore((state) => state.game !== null || state.arcadeMenu !== null);
  return (
    <div className="door-prompt" role="status">
      {atArcade && !busy && <ArcadeButton />}
    </div>
  );
}

function ArcadeButton() {
  const t = useT();
  const open = () => useLayoverStore.getState().openArcadeMenu('plane');

  useEffect(() => {
    // Capture phase: at the cabinets, E means "play", not "turn the camera".
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.code !== 'KeyE') return;
      if (loungeKeyBlocked(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      useLayoverStore.getState().openArcadeMenu('plane');
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return (
    <>
      <span className="visually-hidden">{t('games.atArcade')}</span>
      <button
        type="button"
        className="primary"
        onClick={open}
        aria-keyshortcuts="E"
        data-testid="arcade-open"
      >
        {t('games.playArcade')}
      </button>
      <span className="door-key" aria-hidden="true">
        E
      </span>
    </>
  );
}
