import { useEffect } from 'react';
import { useLayoverStore } from '../../core/store.ts';
import { listenScreenVideo } from './net/screenVideoNet.ts';
import { useScreenVideoStore } from './screenVideoStore.ts';

/**
 * Keeps the store fed with the hall's screen video while the component is mounted: listens on the room we sit in now
 * (again after a seat change) and asks for the current video; leaving forgets it, so another hall starts blank.
 */
export function useScreenVideoFeed(): void {
  const seat = useLayoverStore((state) => state.selfId);
  useEffect(() => {
    if (!seat) return;
    const { receive, refuse } = useScreenVideoStore.getState();
    const stop = listenScreenVideo({ state: receive, refused: refuse });
    return () => {
      stop();
      useScreenVideoStore.setState({ video: null, refusal: null });
    };
  }, [seat]);
}
