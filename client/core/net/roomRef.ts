import type { Room } from '@colyseus/sdk';
import type { LoungeState } from '../../../shared/state/LoungeState.ts';

export type LoungeRoom = Room<unknown, LoungeState>;

let room: LoungeRoom | null = null;

/** The joined lounge room, or null while signed out or between rooms. */
export function currentRoom(): LoungeRoom | null {
  return room;
}

export function setCurrentRoom(next: LoungeRoom | null): void {
  room = next;
}
