import type { mediaEn } from './en.ts';

/** Strings of live media shared by the hall and the lounge: listen, connection state, refusals, in Traditional Chinese (spread into ../zh-Hant.ts). */
export const mediaZhHant: Record<keyof typeof mediaEn, string> = {
  'media.reconnecting': '正在重新連線聲音和影像…',
};
