/** Room names registered on the server and joined by the client. */
export const RoomName = {
  lounge: 'lounge',
  /** Gold Pass holders and above (shared/content/gates.ts). */
  vip: 'vip',
  /** Holders of a partner brand's NFT. */
  suite: 'suite',
} as const;

export type RoomName = (typeof RoomName)[keyof typeof RoomName];

/** Mini-game rooms (shared/content/games.ts), each its own room type; kept apart from the lounges above. */
export const GameRoomName = {
  /** Paper Plane: solo, best of three throws. */
  plane: 'plane',
  /** Gate Trivia: timed multiple-choice rounds for up to 20 players. */
  trivia: 'trivia',
  /** Baggage Rush: grab your bags off a shared carousel. */
  bags: 'bags',
} as const;

export type GameRoomName = (typeof GameRoomName)[keyof typeof GameRoomName];

/** Live event halls: one room type, one instance per `eventId` until it fills, then overflow instances. */
export const EVENT_ROOM = 'event';
