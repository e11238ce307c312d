import type { AppLogger } from '../context.ts';
import { feedsToKick, type RoomParticipant } from './feed-guard.ts';
import type { JanusWs } from './janus-ws.ts';
import type { MediaRoom } from './rooms.ts';

export interface SweepOptions {
  rooms: () => MediaRoom[];
  link: () => { janus: JanusWs; handle: number } | undefined;
  intervalMs: number;
  readId: (room: MediaRoom, id: number) => { publish: boolean } | undefined;
  /** Brings what onStage reads up to date (stage rooms read the stage view again). */
  beforeSweep: (room: MediaRoom) => Promise<void>;
  onStage: (room: MediaRoom, memberId: string) => boolean;
  ended: (memberId: string) => boolean;
  logger: AppLogger;
}

/** The guard's loop: lists each room's participants and kicks what feedsToKick names. */
export interface RoomSweeper {
  sweep(room: MediaRoom): Promise<void>;
  sweepAll(): Promise<void>;
  /** Whether an id was in the room on its last sweep (a new feed id avoids it). */
  seen(room: MediaRoom, id: number): boolean;
  stop(): void;
}

/** Janus' videoroom binds no feed id to a token: the server watches its rooms and kicks what it did not grant. */
export function sweepRooms(o: SweepOptions): RoomSweeper {
  const lastSeen = new Map<number, Set<number>>();
  const running = new Map<number, Promise<void>>();

  const sweepOnce = async (room: MediaRoom) => {
    const link = o.link();
    if (!link) return;
    const { janus, handle } = link;
    await o.beforeSweep(room);
    const listed = await janus.message(handle, { request: 'listparticipants', room: room.id });
    const participants = (Array.isArray(listed.participants) ? listed.participants : []) as RoomParticipant[];
    lastSeen.set(room.id, new Set(participants.map((p) => p.id)));
    const kicks = feedsToKick({
      participants,
      grants: room.grants,
      readId: (id) => o.readId(room, id),
      onStage: room.key.startsWith('stage:') ? (memberId) => o.onStage(room, memberId) : () => true,
      ended: o.ended,
    });
    for (const { id, reason } of kicks) {
      o.logger.warn(
        { room: room.key, feed: id, reason },
        'media: kicked a participant the server did not allow',
      );
      await janus
        .message(handle, { request: 'kick', secret: room.secret, room: room.id, id })
        .catch(() => {});
    }
  };

  // One sweep per room at a time; a sweep asked for while one runs runs again right after it.
  const sweep = (room: MediaRoom): Promise<void> => {
    const before = running.get(room.id) ?? Promise.resolve();
    const next = before.then(() => sweepOnce(room)).catch(() => {});
    running.set(room.id, next);
    void next.then(() => {
      if (running.get(room.id) === next) running.delete(room.id);
    });
    return next;
  };
  const sweepAll = async () => {
    await Promise.all(o.rooms().map(sweep));
  };
  const timer = setInterval(() => void sweepAll(), o.intervalMs);
  timer.unref();

  return {
    sweep,
    sweepAll,
    seen: (room, id) => lastSeen.get(room.id)?.has(id) ?? false,
    stop: () => clearInterval(timer),
  };
}
