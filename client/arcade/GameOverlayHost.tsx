import { lazy, Suspense } from 'react';
import { useLayoverStore } from '../core/store.ts';

/** The game views and their scenes load only when a cabinet is opened. */
const GameOverlay = lazy(() => import('./hud/GameOverlay.tsx'));

/** Shows the open game over the lounge (the lounge seat stays underneath). */
export function GameOverlayHost() {
  const open = useLayoverStore((state) => state.game !== null);
  if (!open) return null;
  return (
    <Suspense fallback={<div className="game-overlay-loading" aria-busy="true" />}>
      <GameOverlay />
    </Suspense>
  );
}
