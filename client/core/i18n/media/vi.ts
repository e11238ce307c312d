import type { mediaEn } from './en.ts';

/** Strings of live media shared by the hall and the lounge: listen, connection state, refusals, in Vietnamese (spread into ../vi.ts). */
export const mediaVi: Record<keyof typeof mediaEn, string> = {
  'media.reconnecting': 'Đang kết nối lại âm thanh và video…',
};
