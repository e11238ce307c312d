import type { mediaEn } from './en.ts';

/** Strings of live media shared by the hall and the lounge: listen, connection state, refusals, in Simplified Chinese (spread into ../zh-Hans.ts). */
export const mediaZhHans: Record<keyof typeof mediaEn, string> = {
  'media.reconnecting': '正在重新连接声音和视频…',
};
