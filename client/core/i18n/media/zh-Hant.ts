import type { mediaEn } from './en.ts';

/** Strings of live media shared by the hall and the lounge: listen, connection state, refusals, in Traditional Chinese (spread into ../zh-Hant.ts). */
export const mediaZhHant: Record<keyof typeof mediaEn, string> = {
  'media.reconnecting': '正在重新連線聲音和影像…',
  'media.stage.region': '舞台聲音和影像',
  'media.tapToListen': '點按收聽',
  'media.stopListening': '將舞台靜音',
  'media.listening': '你正在收聽舞台。',
  'media.connecting': '正在連線舞台…',
  'media.unavailable': '聲音和影像暫時無法使用，活動以文字繼續進行。',
  'media.noCamera': '找不到攝影機：你正以僅有聲音的方式直播。',
  'media.denied': '瀏覽器封鎖了麥克風或攝影機。請在網址列為本網站允許它們，然後重新開始直播。',
  'media.noMicrophone': '找不到麥克風：請接上麥克風，然後重新開始直播。',
  'media.publishFailed': '你的聲音未能傳到舞台。請重新開始直播。',
  'media.live': '你正在舞台上直播。',
  'media.refused': '舞台沒有接收你的聲音：主持人可能已結束或將你靜音。',
  'media.banned': '你已無法在此舞台收聽或發言。',
};
