import { matchMaker } from '@colyseus/core';
import { EVENT_ROOM } from '../../shared/rooms.ts';
import type { AppLogger } from '../context.ts';
import type { LiveEventRoom } from '../rooms/live-events/live-event-room.ts';

export interface HallQuestion {
  id: string;
  name: string;
  text: string;
  pinned: boolean;
  at: number;
}

/** The event's instances in every process (matchmaking driver), and the questions one of them holds. */
export async function liveHall(eventId: string, logger: AppLogger) {
  const rooms = (await matchMaker.query({ name: EVENT_ROOM })).filter(
    (room) => room.metadata?.eventId === eventId,
  );
  const instances = rooms.map((room) => ({
    roomId: room.roomId,
    clients: room.clients,
    maxClients: room.maxClients,
  }));
  let questions: HallQuestion[] = [];
  const first = rooms[0];
  if (first) {
    // Every instance holds the same questions (they travel on the event's channel); ask one, wherever it runs.
    questions = await matchMaker
      .remoteRoomCall<LiveEventRoom>(first.roomId, 'consoleQuestions', [], 2000)
      .catch((err: unknown) => {
        logger.error({ err, eventId }, 'questions of the event not read');
        return [] as HallQuestion[];
      });
  }
  return { instances, questions };
}
