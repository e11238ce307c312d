import type { PublicLiveEvent } from '../../shared/protocol/live-events.ts';
import { useLayoverStore } from '../core/store.ts';

/** Whether we hold the host role in this hall (the server lists host-role members in `hosts`). */
export function useIsHost(): boolean {
  return useLayoverStore((state) => {
    const id = state.member?.id;
    return id !== undefined && (state.hall?.hosts.includes(id) ?? false);
  });
}

/** Whether the host muted us: no chat, questions or reactions. */
export function useIsMuted(): boolean {
  return useLayoverStore((state) => {
    const id = state.member?.id;
    return id !== undefined && (state.hall?.muted.includes(id) ?? false);
  });
}

/** The public listing of the event whose hall we sit in (for its drops and access); undefined until listed. */
export function useHallEvent(): PublicLiveEvent | undefined {
  return useLayoverStore((state) => state.liveEvents.find((event) => event.id === state.hallEventId));
}
