import type { LoungeLayout } from '../../../shared/content/lounge-layout.ts';
import { layoutForRoom as sharedLayoutForRoom } from '../../../shared/content/room-layouts.ts';
import type { JoinableRoom } from '../../core/roomNames.ts';

/** The floor plan of the room we sit in, for the map: the VIP lounge and the suite have their own, the rest the lounge's. */
export function layoutForRoom(room: JoinableRoom | null): LoungeLayout {
  return sharedLayoutForRoom(room);
}
