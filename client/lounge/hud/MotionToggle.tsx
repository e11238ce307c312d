import { useId } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';

/** Switches off bobbing, camera easing and pop-in animations; starts from the system setting. */
export function MotionToggle() {
  const t = useT();
  const id = useId();
  const reducedMotion = useLayoverStore((state) => state.reducedMotion);
  const setReducedMotion = useLayoverStore((state) => state.setReducedMotion);
  return (
    <div className="field-inline switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-checked={reducedMotion}
        checked={reducedMotion}
        onChange={(event) => setReducedMotion(event.target.checked)}
      />
      <label htmlFor={id}>{t('settings.reducedMotion')}</label>
    </div>
  );
}
