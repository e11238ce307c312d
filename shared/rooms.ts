/** Room names registered on the server and joined by the client. */
export const RoomName = {
  lounge: 'lounge',
} as const;

export type RoomName = (typeof RoomName)[keyof typeof RoomName];
