/** Room names registered on the server and joined by the client. */
export const RoomName = {
  lounge: 'lounge',
  /** Gold Pass holders and above (shared/content/gates.ts). */
  vip: 'vip',
  /** Holders of a partner brand's NFT. */
  suite: 'suite',
} as const;

export type RoomName = (typeof RoomName)[keyof typeof RoomName];
