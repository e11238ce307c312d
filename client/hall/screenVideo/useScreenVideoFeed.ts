import { useEffect } from 'react';
import { listenScreenVideo } from './net/screenVideoNet.ts';
import { useScreenVideoStore } from './screenVideoStore.ts';

/** Keeps the store fed with the hall's screen video while the component is mounted (asks for the current one). */
export function useScreenVideoFeed(): void {
  useEffect(() => {
    const { receive, refuse } = useScreenVideoStore.getState();
    return listenScreenVideo({ state: receive, refused: refuse });
  }, []);
}
