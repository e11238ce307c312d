import type { JanusWs } from './janus-ws.ts';
import { randomSecret } from './tokens.ts';

/** One videoroom this server made: its id, its secret (server only), its join key (members of the space only). */
export interface MediaRoom {
  key: string;
  id: number;
  secret: string;
  joinKey: string;
  /** Members' feed ids in this room (a member publishes as this id). */
  feeds: Map<string, number>;
  /** Members given a token for this room (a ban rotates the join key of each of their rooms). */
  members: Set<string>;
  publishers: number;
  audioOnly: boolean;
}

/** Videorooms by space key (`stage:<eventId>`, `lounge:<roomId>`), recreated as they were after a Janus restart. */
export class MediaRooms {
  private readonly rooms = new Map<string, MediaRoom>();
  private nextRoom = 1000;
  private nextFeed = 1;

  constructor(private readonly adminKey: string) {}

  all(): MediaRoom[] {
    return [...this.rooms.values()];
  }

  byId(id: number): MediaRoom | undefined {
    return this.all().find((room) => room.id === id);
  }

  /** The room of a space, created on Janus when new. */
  async ensure(
    janus: JanusWs,
    handle: number,
    key: string,
    options: { publishers: number; audioOnly: boolean },
  ) {
    let room = this.rooms.get(key);
    if (!room) {
      room = {
        key,
        id: this.nextRoom++,
        secret: randomSecret(),
        joinKey: randomSecret(),
        feeds: new Map(),
        members: new Set(),
        ...options,
      };
      this.rooms.set(key, room);
      await this.create(janus, handle, room);
    }
    return room;
  }

  /** Creates `room` on Janus (again, after a restart); an existing one is left as it is. */
  async create(janus: JanusWs, handle: number, room: MediaRoom): Promise<void> {
    const exists = await janus.message(handle, { request: 'exists', room: room.id });
    if (exists.exists === true) return;
    await janus.message(handle, {
      request: 'create',
      admin_key: this.adminKey,
      room: room.id,
      description: room.key,
      secret: room.secret,
      allowed: [room.joinKey],
      publishers: room.publishers,
      audiocodec: 'opus',
      videocodec: 'vp8',
      audiolevel_event: true,
      audio_active_packets: 50,
      audio_level_average: 40,
      notify_joining: true,
      is_private: true,
    });
  }

  /** The feed id of a member in a room (stable while the server runs). */
  feedOf(room: MediaRoom, memberId: string): number {
    let feed = room.feeds.get(memberId);
    if (feed === undefined) {
      feed = this.nextFeed++;
      room.feeds.set(memberId, feed);
    }
    return feed;
  }

  /** Replaces a room's join key (a banned member's key stops opening it; present members stay). */
  async rotateKey(janus: JanusWs, handle: number, room: MediaRoom): Promise<void> {
    const old = room.joinKey;
    room.joinKey = randomSecret();
    await janus.message(handle, {
      request: 'allowed',
      secret: room.secret,
      room: room.id,
      action: 'add',
      allowed: [room.joinKey],
    });
    await janus.message(handle, {
      request: 'allowed',
      secret: room.secret,
      room: room.id,
      action: 'remove',
      allowed: [old],
    });
  }
}
