import type { screenVideoEn } from './en.ts';

/** 大屏幕视频的字符串（简体中文）。 */
export const screenVideoZhHans: Record<keyof typeof screenVideoEn, string> = {
  'screenVideo.label': '大屏幕视频（HLS 流地址）',
  'screenVideo.placeholder': 'https://… .m3u8',
  'screenVideo.play': '在大屏幕播放',
  'screenVideo.stop': '停止视频',
  'screenVideo.refused.badUrl': '这不是视频流地址。请使用指向 .m3u8 流的 http(s) 链接。',
  'screenVideo.refused.originNotAllowed': '此处不允许来自该网站的流。请品牌将其加入 HLS_ORIGINS。',
  'screenVideo.tapToListen': '点一下收听视频',
  'screenVideo.playing': '大屏幕视频',
  'screenVideo.mute': '将视频静音',
  'screenVideo.failed': '视频无法加载。活动继续进行；正在重试…',
};
