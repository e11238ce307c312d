import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useLayoverStore } from '../core/store.ts';

/** Stops drawing the lounge while a game covers it (its scene has its own canvas), and resumes after. */
export function usePauseWhilePlaying(): void {
  const setFrameloop = useThree((state) => state.setFrameloop);
  useEffect(() => {
    let paused = useLayoverStore.getState().game !== null;
    if (paused) setFrameloop('never');
    const unsubscribe = useLayoverStore.subscribe((state) => {
      const next = state.game !== null;
      if (next === paused) return;
      paused = next;
      setFrameloop(next ? 'never' : 'always');
    });
    return () => {
      unsubscribe();
      if (paused) setFrameloop('always');
    };
  }, [setFrameloop]);
}
