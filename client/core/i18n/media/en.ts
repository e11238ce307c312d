/** Strings of live media shared by the hall and the lounge: listen, connection state, refusals, in English (spread into ../en.ts). */
export const mediaEn = {
  'media.reconnecting': 'Reconnecting sound and video…',
};
