import { useEffect } from 'react';
import { useContent } from '../core/content/useContent.ts';
import { findStamp, localize, stampArtUrl } from '../core/content.ts';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';

/** How long the stamp stays pressed on screen; the same with reduced motion, just without the movement. */
const CELEBRATION_MS = 2600;

/** A stamp pressed onto the screen when one is earned; the toast says it in words for screen readers. */
export function StampCelebration() {
  const t = useT();
  const celebration = useLayoverStore((state) => state.celebration);
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  const end = useLayoverStore((state) => state.endCelebration);

  useEffect(() => {
    if (!celebration) return;
    const timer = setTimeout(end, CELEBRATION_MS);
    return () => clearTimeout(timer);
  }, [celebration, end]);

  const stamp = celebration ? findStamp(celebration.stampId) : undefined;
  if (!celebration || !stamp) return null;
  return (
    <div
      className="stamp-celebration"
      aria-hidden="true"
      key={celebration.seq}
      data-testid="stamp-celebration"
    >
      <div className="stamp-burst" />
      <img className="stamp-press" src={stampArtUrl(stamp)} alt="" width={160} height={160} />
      <p className="stamp-caption">{t('celebration.stamp', { stamp: localize(stamp.name, locale) })}</p>
    </div>
  );
}
