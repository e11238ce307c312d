import { EVENT_ROOM, RoomName } from '../../shared/rooms.ts';

/** Any room the client can be seated in: the lounges and the live event halls. */
export type JoinableRoom = RoomName | typeof EVENT_ROOM;

/** Rooms that check a pass on join. */
export type GatedRoom = typeof RoomName.vip | typeof RoomName.suite;

/** Where every member starts and returns to when a gated room or an event hall refuses or removes them. */
export const MAIN_ROOM = RoomName.lounge;

export function isGatedRoom(room: JoinableRoom | null): room is GatedRoom {
  return room === RoomName.vip || room === RoomName.suite;
}

/** True in a live event hall (one room type for every event; the store names which event). */
export function isEventHall(room: JoinableRoom | null): room is typeof EVENT_ROOM {
  return room === EVENT_ROOM;
}
