import { useEffect } from 'react';
import { useLayoverStore } from '../core/store.ts';
import { fetchLiveEvents, LIVE_EVENTS_REFRESH_MS } from './net/liveEvents.ts';

/** Keeps the list of live and upcoming events fresh while seated: on arrival in each room, then every 30 s. */
export function useLiveEventsPolling(): void {
  const room = useLayoverStore((state) => state.room);
  useEffect(() => {
    if (!room) return;
    let cancelled = false;
    const refresh = async () => {
      const response = await fetchLiveEvents();
      // A failed fetch keeps the last list: the board and banner should not flicker on a blip.
      if (!cancelled && response) useLayoverStore.getState().setLiveEvents(response);
    };
    void refresh();
    const timer = setInterval(() => void refresh(), LIVE_EVENTS_REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [room]);
}
