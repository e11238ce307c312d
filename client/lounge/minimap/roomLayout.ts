import { type LoungeLayout, loungeLayout } from '../../../shared/content/lounge-layout.ts';
import type { JoinableRoom } from '../../core/roomNames.ts';

/**
 * The floor plan of the room we sit in, for the map. Every room (lounge, VIP, suite, event hall) is drawn on the
 * lounge's layout today; when shared/content gains per-room layouts, this is the one place to read them from.
 */
export function layoutForRoom(_room: JoinableRoom | null): LoungeLayout {
  return loungeLayout;
}
