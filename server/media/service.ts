import { randomUUID } from 'node:crypto';
import { LocalPresence, type Presence } from '@colyseus/core';
import type { MediaIceServer, MediaStatus, MediaTokenResponse } from '../../shared/protocol/media.ts';
import { MAX_ON_STAGE } from '../../shared/protocol/stage-media.ts';
import type { AppLogger } from '../context.ts';
import { mintFeedId, readFeedId } from './feed-ids.ts';
import { JanusWs } from './janus-ws.ts';
import { type MediaRoom, MediaRooms } from './rooms.ts';
import { StageWatch } from './stage-watch.ts';
import { type RoomSweeper, sweepRooms } from './sweep.ts';
import { signJanusToken, VIDEOROOM_PLUGIN } from './tokens.ts';

/** What a token is for: the member, the space's room key, and whether they may publish. */
export interface MediaGrantRequest {
  memberId: string;
  /** `stage:<liveEventId>` or `lounge:<colyseusRoomId>` (see stageKey / loungeKey). */
  roomKey: string;
  publish: boolean;
  /** Publishing rests on the stage view (a member on stage), not on a role: it ends when they leave the stage. */
  viaStage?: boolean;
}

/** ctx.media: the server's side of Janus (rooms, tokens, guard, moderation, up/down). Absent when MEDIA=off. */
export interface MediaService {
  readonly status: MediaStatus;
  /** Called on every up/down change. */
  onStatus(listener: (status: MediaStatus) => void): () => void;
  /** A short-lived Janus token, the room to join and a feed id to join as; the room is created on first use. */
  issueToken(request: MediaGrantRequest): Promise<MediaTokenResponse>;
  /** The videoroom id of a live event's stage (one room every hall instance subscribes to). */
  stageRoomFor(liveEventId: string): Promise<number>;
  /** The videoroom id of a lounge instance (audio only). */
  loungeRoomFor(colyseusRoomId: string): Promise<number>;
  /** The feed a member publishes as in a room (seen publishing, else their latest publish grant). */
  feedOf(roomKey: string, memberId: string): number | undefined;
  /** Mutes (or unmutes) a member's audio and video in a room for everyone (videoroom `moderate`). */
  mute(roomKey: string, memberId: string, muted: boolean): Promise<void>;
  /** Removes a member's feeds from a room (videoroom `kick`). */
  kick(roomKey: string, memberId: string): Promise<void>;
  /** A ban, in every process: kicks the member everywhere, rotates those rooms' join keys, refuses their tokens. */
  endMemberMedia(memberId: string): Promise<void>;
  /** A lifted brand ban, in every process: the member's tokens are issued again. */
  restoreMemberMedia(memberId: string): Promise<void>;
  /** Whether a member's media was ended (the token route refuses them). */
  isRevoked(memberId: string): Promise<boolean>;
  /** Checks every room's participants now (also runs every sweep interval). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

/** Room key of a live event's stage. */
export const stageKey = (liveEventId: string) => `stage:${liveEventId}`;
/** Room key of a lounge instance. */
export const loungeKey = (colyseusRoomId: string) => `lounge:${colyseusRoomId}`;

/** Publishers a stage room takes: the host, MAX_ON_STAGE members, and room for co-hosts and reconnects. */
export const STAGE_PUBLISHERS = MAX_ON_STAGE + 4;
const LOUNGE_PUBLISHERS = 50;
const revokedKey = (memberId: string) => `layover:media:revoked:${memberId}`;
/** A ended member's tokens are refused this long (a ban in the ledger refuses them after that). */
const REVOKED_SECONDS = 24 * 3600;
const END_CHANNEL = 'layover:media:end';

export interface MediaServiceOptions {
  /** Janus' WebSocket URL as this server reaches it. */
  janusUrl: string;
  /** The URL browsers are given (`/media/ws` when proxied). */
  publicWsUrl: string;
  /** Janus' token_auth_secret; rooms' ids, secrets, join keys and feed ids derive from it too. */
  tokenSecret: string;
  roomAdminKey: string;
  tokenSeconds: number;
  /** Shared by every process on one Janus (stage views, ban epochs, bans); a LocalPresence when alone. */
  presence?: Presence;
  /** How often each room's participants are checked (ms). */
  sweepMs?: number;
  iceServers?: MediaIceServer[];
  logger: AppLogger;
  now?: () => number;
  /** Called when the connection drops (the spawner restarts a killed Janus here). */
  onDown?: () => Promise<void>;
}

interface Link {
  janus: JanusWs;
  handle: number;
}

/** Connects to Janus, keeps reconnecting (recreating every room) after it goes, guards rooms, serves ctx.media. */
export function startMediaService(o: MediaServiceOptions): MediaService {
  const now = o.now ?? Date.now;
  const presence = o.presence ?? new LocalPresence();
  const rooms = new MediaRooms(o.tokenSecret, o.roomAdminKey, presence);
  const revoked = new Set<string>();
  const listeners = new Set<(status: MediaStatus) => void>();
  let status: MediaStatus = 'down';
  let link: Link | undefined;
  const waiters: ((l: Link) => void)[] = [];
  let stopped = false;
  const serverToken = () => signJanusToken(o.tokenSecret, now() + 3_600_000);
  const setStatus = (next: MediaStatus) => {
    if (next === status) return;
    status = next;
    o.logger.info({ media: next }, `media: Janus ${next}`);
    for (const listener of listeners) listener(next);
  };
  const connected = (): Promise<Link> =>
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

  const stages = new StageWatch(presence, o.logger, (eventId) => {
    const r = rooms.get(stageKey(eventId));
    if (r) void sweeper.sweep(r);
  });
  const sweeper: RoomSweeper = sweepRooms({
    rooms: () => rooms.all(),
    link: () => link,
    intervalMs: o.sweepMs ?? 1000,
    readId: (r, id) => readFeedId(o.tokenSecret, r.id, id),
    beforeSweep: async (r) => {
      if (r.key.startsWith('stage:')) await stages.refresh(r.key.slice('stage:'.length));
    },
    onStage: (r, memberId) => stages.mayPublish(r.key.slice('stage:'.length), memberId),
    ended: (memberId) => revoked.has(memberId),
    logger: o.logger,
  });

  const room = async (key: string): Promise<MediaRoom> => {
    const { janus, handle } = await connected();
    const stage = key.startsWith('stage:');
    if (stage) await stages.follow(key.slice('stage:'.length));
    const publishers = stage ? STAGE_PUBLISHERS : LOUNGE_PUBLISHERS;
    return rooms.ensure(janus, handle, key, { publishers, audioOnly: !stage });
  };
  const feedsOf = (key: string, memberId: string) => {
    const r = rooms.get(key);
    const ids = r ? [...r.grants].filter(([, g]) => g.memberId === memberId).map(([id]) => id) : [];
    return { r, ids };
  };
  const kickAll = async (r: MediaRoom, ids: number[]) => {
    if (!link) return;
    const { janus, handle } = link;
    for (const id of ids)
      await janus.message(handle, { request: 'kick', secret: r.secret, room: r.id, id }).catch(() => {});
  };
  const endLocally = async (memberId: string) => {
    revoked.add(memberId);
    for (const r of rooms.all()) {
      const ids = [...r.grants].filter(([, g]) => g.memberId === memberId).map(([id]) => id);
      if (!ids.length) continue;
      for (const id of ids) {
        const grant = r.grants.get(id);
        if (grant) grant.spent = true;
      }
      await kickAll(r, ids);
      if (link) await rooms.rotateKey(link.janus, link.handle, r).catch(() => {});
    }
  };
  const self = randomUUID();
  const onEnd = (message: { memberId?: unknown; from?: unknown; restore?: unknown }) => {
    if (typeof message?.memberId !== 'string' || message.from === self) return;
    if (message.restore === true) revoked.delete(message.memberId);
    else void endLocally(message.memberId);
  };
  void presence.subscribe(END_CHANNEL, onEnd);

  return {
    get status() {
      return status;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async issueToken({ memberId, roomKey, publish, viaStage = false }) {
      if (status !== 'up') throw new Error('media unavailable');
      const r = await room(roomKey);
      // An unused grant of the same kind is given again (a token refresh), so grants grow with joins only.
      const unused = [...r.grants].find(
        ([, g]) => g.memberId === memberId && g.publish === publish && !g.present && !g.published && !g.spent,
      );
      const feedId =
        unused?.[0] ??
        mintFeedId(o.tokenSecret, r.id, publish, (id) => r.grants.has(id) || sweeper.seen(r, id));
      if (!unused)
        r.grants.set(feedId, {
          memberId,
          publish,
          stage: publish && viaStage,
          present: false,
          published: false,
          spent: false,
        });
      const expiresAt = now() + o.tokenSeconds * 1000;
      return {
        token: signJanusToken(o.tokenSecret, expiresAt),
        wsUrl: o.publicWsUrl,
        room: r.id,
        joinKey: r.joinKey,
        feedId,
        publish,
        expiresAt,
        iceServers: o.iceServers ?? [],
      };
    },
    stageRoomFor: async (id) => (await room(stageKey(id))).id,
    loungeRoomFor: async (id) => (await room(loungeKey(id))).id,
    feedOf(key, memberId) {
      const r = rooms.get(key);
      if (!r) return undefined;
      let latest: number | undefined;
      for (const [id, g] of r.grants) {
        if (g.memberId !== memberId || !g.publish || g.spent) continue;
        if (g.present && g.published) return id;
        latest = id;
      }
      return latest;
    },
    async mute(key, memberId, muted) {
      const { r, ids } = feedsOf(key, memberId);
      if (!r || !link) return;
      const { janus, handle } = link;
      // The client adds audio first, then video: mids 0 and 1.
      for (const id of ids.filter((each) => r.grants.get(each)?.present))
        for (const mid of ['0', '1'])
          await janus
            .message(handle, { request: 'moderate', secret: r.secret, room: r.id, id, mid, mute: muted })
            .catch(() => {});
    },
    async kick(key, memberId) {
      const { r, ids } = feedsOf(key, memberId);
      if (r) await kickAll(r, ids);
    },
    async endMemberMedia(memberId) {
      await presence.setex(revokedKey(memberId), '1', REVOKED_SECONDS);
      await endLocally(memberId);
      await presence.publish(END_CHANNEL, { memberId, from: self });
    },
    async restoreMemberMedia(memberId) {
      revoked.delete(memberId);
      await presence.del(revokedKey(memberId));
      await presence.publish(END_CHANNEL, { memberId, from: self, restore: true });
    },
    isRevoked: async (memberId) => revoked.has(memberId) || (await presence.exists(revokedKey(memberId))),
    sweep: () => sweeper.sweepAll(),
    async stop() {
      stopped = true;
      sweeper.stop();
      stages.close();
      presence.unsubscribe(END_CHANNEL, onEnd);
      link?.janus.close();
    },
  };
}
