import { z } from 'zod';

/** Where a member wants media: the hall instance (stage room) or the lounge instance they are in now. */
export const MediaSpace = z.strictObject({
  kind: z.enum(['hall', 'lounge']),
  /** The Colyseus room id of that hall or lounge instance. */
  roomId: z.string().min(1).max(64),
});
export type MediaSpace = z.infer<typeof MediaSpace>;

/** Body of POST /api/media/token: the space, and whether the member wants to publish (the server decides). */
export const MediaTokenBody = z.strictObject({
  space: MediaSpace,
  publish: z.boolean().default(false),
});
export type MediaTokenBody = z.infer<typeof MediaTokenBody>;

/** An ICE server the browser's RTCPeerConnection is given. */
export interface MediaIceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

/** Answer of POST /api/media/token: what the browser needs to join the space's Janus videoroom. */
export interface MediaTokenResponse {
  /** Janus signed token (sent as `token` on every Janus request). */
  token: string;
  /** Same-origin WebSocket path of Janus (`/media/ws`), or an absolute ws(s) URL for an external Janus. */
  wsUrl: string;
  /** The videoroom's numeric room id. */
  room: number;
  /** The videoroom's join key (`token` in the videoroom `join` body): only this space's members get it. */
  joinKey: string;
  /**
   * The id to join the videoroom as (join `id`), for one join: listeners too (watching feeds), publishers with it.
   * The server kicks any participant whose id it did not grant, a publisher whose grant does not publish, and an id
   * that comes back after it published and left: ask for a new grant before joining again.
   */
  feedId: number;
  /** Whether the server granted publishing (host / member on stage in a hall; any member in a lounge). */
  publish: boolean;
  /** Unix ms after which Janus refuses the token: ask for a new one before (the client refreshes at half-life). */
  expiresAt: number;
  iceServers: MediaIceServer[];
}

/** Refusal codes of the token route (the `error` of an ApiError). */
export const MediaRefusal = {
  unavailable: 'mediaUnavailable',
  notInSpace: 'notInSpace',
  banned: 'mediaBanned',
  muted: 'mediaMuted',
  notOnStage: 'notOnStage',
  invalid: 'invalidMediaRequest',
} as const;
export type MediaRefusal = (typeof MediaRefusal)[keyof typeof MediaRefusal];

/** Media health as /health reports it. */
export type MediaStatus = 'up' | 'down' | 'off';
