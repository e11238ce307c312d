import type { screenVideoEn } from './en.ts';

/** 大螢幕影片的字串（繁體中文）。 */
export const screenVideoZhHant: Record<keyof typeof screenVideoEn, string> = {
  'screenVideo.label': '大螢幕影片（HLS 串流網址）',
  'screenVideo.placeholder': 'https://… .m3u8',
  'screenVideo.play': '在大螢幕播放',
  'screenVideo.stop': '停止影片',
  'screenVideo.refused.badUrl': '這不是影片串流網址。請使用指向 .m3u8 串流的 http(s) 連結。',
  'screenVideo.refused.originNotAllowed': '此處不允許來自該網站的串流。請品牌將其加入 HLS_ORIGINS。',
  'screenVideo.tapToListen': '點一下收聽影片',
  'screenVideo.playing': '大螢幕影片',
  'screenVideo.mute': '將影片靜音',
  'screenVideo.failed': '影片無法載入。活動照常進行；正在重試…',
};
