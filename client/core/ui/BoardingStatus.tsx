import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { lastRendererInfo } from '../rendererInfo.ts';
import './boarding.css';

/** Draw calls of a frame that has the room's scenery in it (our avatar alone is a handful). */
const SCENERY_CALLS = 10;
const CHECK_MS = 250;

export interface BoardingStatusProps {
  /** Stay until the lounge canvas has drawn its scenery (in the HUD); without it, show for as long as mounted. */
  untilDrawn?: boolean;
}

/** "Boarding…" between pressing Enter and the lounge on screen: a busy status with a progress bar. */
export function BoardingStatus({ untilDrawn = false }: BoardingStatusProps) {
  const t = useT();
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (!untilDrawn) return;
    const check = () => {
      if ((lastRendererInfo()?.calls ?? 0) < SCENERY_CALLS) return false;
      setDrawn(true);
      return true;
    };
    if (check()) return;
    const timer = setInterval(() => check() && clearInterval(timer), CHECK_MS);
    return () => clearInterval(timer);
  }, [untilDrawn]);
  if (drawn) return null;
  return (
    <div className="boarding" role="status" aria-busy="true" data-testid="boarding">
      <p>{t('boarding.status')}</p>
      <progress aria-label={t('boarding.label')} />
    </div>
  );
}
