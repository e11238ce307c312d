import { useLayoverStore } from './store.ts';

/** Whether the room seats us as a guest (no wallet yet), by the tier the server gave our avatar. */
export function useIsGuest(): boolean {
  return useLayoverStore(
    (state) => state.members.find((member) => member.sessionId === state.selfId)?.tier === 'guest',
  );
}
