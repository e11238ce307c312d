import type { MediaIceServer, MediaStatus, MediaTokenResponse } from '../../shared/protocol/media.ts';
import type { AppLogger } from '../context.ts';
import { JanusWs } from './janus-ws.ts';
import { type MediaRoom, MediaRooms } from './rooms.ts';
import { signJanusToken, VIDEOROOM_PLUGIN } from './tokens.ts';

/** What a token is for: the member, the space's room key, and whether they may publish. */
export interface MediaGrantRequest {
  memberId: string;
  /** `stage:<liveEventId>` or `lounge:<colyseusRoomId>` (see stageKey / loungeKey). */
  roomKey: string;
  publish: boolean;
}

/** ctx.media: the server's side of Janus (rooms, tokens, moderation, up/down). Absent when MEDIA=off or no Janus. */
export interface MediaService {
  readonly status: MediaStatus;
  /** Called on every up/down change. */
  onStatus(listener: (status: MediaStatus) => void): () => void;
  /** A short-lived Janus token and the room to join; the room is created on first use. */
  issueToken(request: MediaGrantRequest): Promise<MediaTokenResponse>;
  /** The videoroom id of a live event's stage (one room every hall instance subscribes to). */
  stageRoomFor(liveEventId: string): Promise<number>;
  /** The videoroom id of a lounge instance (audio only). */
  loungeRoomFor(colyseusRoomId: string): Promise<number>;
  /** The feed id a member publishes as in a room (undefined when they never got one). */
  feedOf(roomKey: string, memberId: string): number | undefined;
  /** Mutes (or unmutes) a member's audio in a room for everyone (videoroom `moderate`). */
  mute(roomKey: string, memberId: string, muted: boolean): Promise<void>;
  /** Removes a member's feed from a room (videoroom `kick`). */
  kick(roomKey: string, memberId: string): Promise<void>;
  /** A ban: kicks the member from every room, rotates those rooms' join keys, refuses their tokens from now on. */
  endMemberMedia(memberId: string): Promise<void>;
  /** The member the host put on stage (may publish on the stage room besides hosts); undefined clears it. */
  setStageGuest(liveEventId: string, memberId: string | undefined): void;
  stageGuest(liveEventId: string): string | undefined;
  /** Whether a member's media was ended (the token route refuses them). */
  isRevoked(memberId: string): boolean;
  stop(): Promise<void>;
}

/** Room key of a live event's stage. */
export const stageKey = (liveEventId: string) => `stage:${liveEventId}`;
/** Room key of a lounge instance. */
export const loungeKey = (colyseusRoomId: string) => `lounge:${colyseusRoomId}`;

export interface MediaServiceOptions {
  /** Janus' WebSocket URL as this server reaches it. */
  janusUrl: string;
  /** The URL browsers are given (`/media/ws` when proxied). */
  publicWsUrl: string;
  tokenSecret: string;
  roomAdminKey: string;
  tokenSeconds: number;
  iceServers?: MediaIceServer[];
  logger: AppLogger;
  now?: () => number;
  /** Called when the connection drops (the spawner restarts a killed Janus here). */
  onDown?: () => Promise<void>;
}

/** Connects to Janus, keeps reconnecting (recreating every room) after it goes, and serves ctx.media. */
export function startMediaService(o: MediaServiceOptions): MediaService {
  const now = o.now ?? Date.now;
  const rooms = new MediaRooms(o.roomAdminKey);
  const revoked = new Set<string>();
  const stageGuests = new Map<string, string>();
  const listeners = new Set<(status: MediaStatus) => void>();
  let status: MediaStatus = 'down';
  let link: { janus: JanusWs; handle: number } | undefined;
  const waiters: ((l: { janus: JanusWs; handle: number }) => void)[] = [];
  let stopped = false;
  const serverToken = () => signJanusToken(o.tokenSecret, now() + 3_600_000);
  const setStatus = (next: MediaStatus) => {
    if (next === status) return;
    status = next;
    o.logger.info({ media: next }, `media: Janus ${next}`);
    for (const listener of listeners) listener(next);
  };
  const connected = (): Promise<{ janus: JanusWs; handle: number }> =>
    link ? Promise.resolve(link) : new Promise((resolve) => waiters.push(resolve));

  const loop = async () => {
    while (!stopped) {
      try {
        const janus = await JanusWs.open(o.janusUrl, serverToken);
        const handle = await janus.attach(VIDEOROOM_PLUGIN);
        for (const room of rooms.all()) await rooms.create(janus, handle, room);
        link = { janus, handle };
        setStatus('up');
        for (const waiter of waiters.splice(0)) waiter(link);
        await janus.closed;
        link = undefined;
        if (!stopped) setStatus('down');
        if (!stopped) await o.onDown?.();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  void loop();

  const room = async (key: string): Promise<MediaRoom> => {
    const { janus, handle } = await connected();
    const stage = key.startsWith('stage:');
    return rooms.ensure(janus, handle, key, { publishers: stage ? 3 : 50, audioOnly: !stage });
  };
  const inRoom = async (
    key: string,
    memberId: string,
    act: (r: MediaRoom, feed: number) => Promise<void>,
  ) => {
    const r = rooms.all().find((each) => each.key === key);
    const feed = r?.feeds.get(memberId);
    if (r && feed !== undefined && link) await act(r, feed);
  };

  return {
    get status() {
      return status;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async issueToken({ memberId, roomKey, publish }) {
      if (status !== 'up') throw new Error('media unavailable');
      const r = await room(roomKey);
      r.members.add(memberId);
      const expiresAt = now() + o.tokenSeconds * 1000;
      return {
        token: signJanusToken(o.tokenSecret, expiresAt),
        wsUrl: o.publicWsUrl,
        room: r.id,
        joinKey: r.joinKey,
        ...(publish ? { feedId: rooms.feedOf(r, memberId) } : {}),
        publish,
        expiresAt,
        iceServers: o.iceServers ?? [],
      };
    },
    stageRoomFor: async (id) => (await room(stageKey(id))).id,
    loungeRoomFor: async (id) => (await room(loungeKey(id))).id,
    feedOf: (key, memberId) =>
      rooms
        .all()
        .find((each) => each.key === key)
        ?.feeds.get(memberId),
    mute: (key, memberId, muted) =>
      inRoom(key, memberId, async (r, feed) => {
        const { janus, handle } = await connected();
        await janus.message(handle, {
          request: 'moderate',
          secret: r.secret,
          room: r.id,
          id: feed,
          mid: '0',
          mute: muted,
        });
      }),
    kick: (key, memberId) =>
      inRoom(key, memberId, async (r, feed) => {
        const { janus, handle } = await connected();
        await janus
          .message(handle, { request: 'kick', secret: r.secret, room: r.id, id: feed })
          .catch(() => {});
      }),
    async endMemberMedia(memberId) {
      revoked.add(memberId);
      if (!link) return;
      const { janus, handle } = link;
      for (const r of rooms.all()) {
        if (!r.members.has(memberId)) continue;
        const feed = r.feeds.get(memberId);
        if (feed !== undefined)
          await janus
            .message(handle, { request: 'kick', secret: r.secret, room: r.id, id: feed })
            .catch(() => {});
        await rooms.rotateKey(janus, handle, r);
      }
    },
    setStageGuest(liveEventId, memberId) {
      const before = stageGuests.get(liveEventId);
      if (memberId) stageGuests.set(liveEventId, memberId);
      else stageGuests.delete(liveEventId);
      if (before && before !== memberId) void this.kick(stageKey(liveEventId), before);
    },
    stageGuest: (liveEventId) => stageGuests.get(liveEventId),
    isRevoked: (memberId) => revoked.has(memberId),
    async stop() {
      stopped = true;
      link?.janus.close();
    },
  };
}
