import { matchMaker } from '@colyseus/core';
import { EVENT_ROOM, RoomName } from '../../shared/rooms.ts';
import type { ContentSnapshot } from './snapshot.ts';

/** Rooms whose members are told to refetch content: the lounges and the live event halls. */
const TOLD = new Set<string>([RoomName.lounge, RoomName.vip, RoomName.suite, EVENT_ROOM]);

/** Sends `contentChanged` to every lounge and hall of this process (each process does so on its own swap). */
export async function tellRoomsContentChanged(snapshot: ContentSnapshot): Promise<void> {
  const rooms = await matchMaker.query({ processId: matchMaker.processId });
  for (const cached of rooms) {
    if (!TOLD.has(cached.name)) continue;
    matchMaker.getLocalRoomById(cached.roomId)?.broadcast('contentChanged', { version: snapshot.version });
  }
}
