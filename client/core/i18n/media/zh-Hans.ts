import type { mediaEn } from './en.ts';

/** Strings of live media shared by the hall and the lounge: listen, connection state, refusals, in Simplified Chinese (spread into ../zh-Hans.ts). */
export const mediaZhHans: Record<keyof typeof mediaEn, string> = {
  'media.reconnecting': '正在重新连接声音和视频…',
  'media.stage.region': '舞台声音和视频',
  'media.tapToListen': '点按收听',
  'media.stopListening': '将舞台静音',
  'media.listening': '你正在收听舞台。',
  'media.connecting': '正在连接舞台…',
  'media.unavailable': '声音和视频暂时不可用，活动以文字继续进行。',
  'media.noCamera': '未找到摄像头：你正以仅声音的方式直播。',
  'media.denied': '浏览器阻止了麦克风或摄像头。请在地址栏中为本网站允许它们，然后重新开始直播。',
  'media.noMicrophone': '未找到麦克风：请接上麦克风，然后重新开始直播。',
  'media.publishFailed': '你的声音未能传到舞台。请重新开始直播。',
  'media.live': '你正在舞台上直播。',
  'media.refused': '舞台没有接收你的声音：主持人可能已结束或将你静音。',
  'media.banned': '你已无法在此舞台收听或发言。',
};
