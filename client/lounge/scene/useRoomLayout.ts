import type { LoungeLayout } from '../../../shared/content/lounge-layout.ts';
import { useLayoverStore } from '../../core/store.ts';
import { layoutForTheme, themeForRoom } from './roomTheme.ts';

/** The floor plan of the room we are in: the VIP's, the suite's, or the lounge's (also the hall's). */
export function useRoomLayout(): LoungeLayout {
  return useLayoverStore((state) => layoutForTheme(themeForRoom(state.room)));
}
