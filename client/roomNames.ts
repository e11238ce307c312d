import { RoomName } from '../shared/rooms.ts';

/** Any room the client can be seated in. */
export type JoinableRoom = RoomName;

/** Rooms that check a pass on join. */
export type GatedRoom = Exclude<RoomName, typeof RoomName.lounge>;

/** Where every member starts and returns to when a gated room refuses or removes them. */
export const MAIN_ROOM = RoomName.lounge;

export function isGatedRoom(room: RoomName | null): room is GatedRoom {
  return room !== null && room !== MAIN_ROOM;
}
