import type { Room } from '@colyseus/sdk';
import type { AnyGameState } from './gameMirror.ts';

export type GameRoom = Room<unknown, AnyGameState>;

let room: GameRoom | null = null;

/** The game room we sit in beside the lounge seat, or null. */
export function currentGameRoom(): GameRoom | null {
  return room;
}

export function setCurrentGameRoom(next: GameRoom | null): void {
  room = next;
}
