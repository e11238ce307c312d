import type { Presence } from '@colyseus/core';
import type { JanusWs } from './janus-ws.ts';
import { joinKeyOf, roomIdOf, roomSecretOf } from './room-keys.ts';

/** One feed id this process gave a member for a room, and what the server has seen of it on Janus. */
export interface FeedGrant {
  memberId: string;
  publish: boolean;
  /** Publishing follows the live stage view (a member on stage, not a host). */
  stage: boolean;
  /** Seen in the room's participants on the last sweep. */
  present: boolean;
  /** Seen publishing: once it leaves, its id (public to the room) never comes back. */
  published: boolean;
  /** Left after publishing, or banned: any participant with this id is kicked. */
  spent: boolean;
}

/** One videoroom: id, secret and join key derived from the shared secret (same in every process), and its grants. */
export interface MediaRoom {
  key: string;
  id: number;
  secret: string;
  epoch: number;
  joinKey: string;
  grants: Map<number, FeedGrant>;
  publishers: number;
  audioOnly: boolean;
}

const epochKey = (key: string) => `layover:media:epoch:${key}`;
/** Join keys of this many earlier epochs are removed when a room is (re)made or its epoch moves. */
const OLD_EPOCHS = 16;

/** Videorooms by space key (`stage:<eventId>`, `lounge:<roomId>`), recreated as they were after a Janus restart. */
export class MediaRooms {
  private readonly rooms = new Map<string, MediaRoom>();

  constructor(
    private readonly secret: string,
    private readonly adminKey: string,
    private readonly presence: Presence,
  ) {}

  all(): MediaRoom[] {
    return [...this.rooms.values()];
  }

  get(key: string): MediaRoom | undefined {
    return this.rooms.get(key);
  }

  /** The room of a space, created on Janus when new, on the join key of the space's current epoch. */
  async ensure(
    janus: JanusWs,
    handle: number,
    key: string,
    options: { publishers: number; audioOnly: boolean },
  ): Promise<MediaRoom> {
    const known = this.rooms.get(key);
    if (known) {
      await this.syncEpoch(janus, handle, known);
      return known;
    }
    const epoch = await this.epochOf(key);
    const room: MediaRoom = {
      key,
      id: roomIdOf(this.secret, key),
      secret: roomSecretOf(this.secret, key),
      epoch,
      joinKey: joinKeyOf(this.secret, key, epoch),
      grants: new Map(),
      ...options,
    };
    this.rooms.set(key, room);
    await this.create(janus, handle, room);
    return room;
  }

  /** Creates `room` on Janus (again, after a restart); one another process made gets this epoch's key. */
  async create(janus: JanusWs, handle: number, room: MediaRoom): Promise<void> {
    const exists = await janus.message(handle, { request: 'exists', room: room.id });
    if (exists.exists === true) return this.allowOnly(janus, handle, room);
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
      // Listeners' ids stay private: only publishers' ids are shown to the room.
      notify_joining: false,
      is_private: true,
    });
  }

  /** A ban: the room moves to the next epoch (every process's next token carries the new join key). */
  async rotateKey(janus: JanusWs, handle: number, room: MediaRoom): Promise<void> {
    room.epoch = await this.presence.incr(epochKey(room.key));
    room.joinKey = joinKeyOf(this.secret, room.key, room.epoch);
    await this.allowOnly(janus, handle, room);
  }

  /** Follows an epoch another process moved to. */
  async syncEpoch(janus: JanusWs, handle: number, room: MediaRoom): Promise<void> {
    const epoch = await this.epochOf(room.key);
    if (epoch <= room.epoch) return;
    room.epoch = epoch;
    room.joinKey = joinKeyOf(this.secret, room.key, epoch);
    await this.allowOnly(janus, handle, room);
  }

  private async epochOf(key: string): Promise<number> {
    const stored = Number(await this.presence.get(epochKey(key)));
    return Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
  }

  /** The room's allowed list: this epoch's key added, earlier epochs' keys removed. */
  private async allowOnly(janus: JanusWs, handle: number, room: MediaRoom): Promise<void> {
    const base = { request: 'allowed', secret: room.secret, room: room.id };
    await janus.message(handle, { ...base, action: 'add', allowed: [room.joinKey] });
    const old: string[] = [];
    for (let e = Math.max(0, room.epoch - OLD_EPOCHS); e < room.epoch; e++)
      old.push(joinKeyOf(this.secret, room.key, e));
    if (old.length) await janus.message(handle, { ...base, action: 'remove', allowed: old });
  }
}
