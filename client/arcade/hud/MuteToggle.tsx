import { useId } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { unlockSounds } from '../sounds.ts';

/** Sound effects on or off; remembered on this device. */
export function MuteToggle() {
  const t = useT();
  const id = useId();
  const muted = useLayoverStore((state) => state.gamesMuted);
  const setMuted = useLayoverStore((state) => state.setGamesMuted);
  return (
    <div className="field-inline switch game-sound">
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-checked={!muted}
        checked={!muted}
        onChange={(event) => {
          if (event.target.checked) unlockSounds();
          setMuted(!event.target.checked);
        }}
        data-testid="game-sound"
      />
      <label htmlFor={id}>{t('games.sound')}</label>
    </div>
  );
}
