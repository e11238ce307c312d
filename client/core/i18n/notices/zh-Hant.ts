import type { noticesEn } from './en.ts';

export const noticesZhHant: Record<keyof typeof noticesEn, string> = {
  'notices.region': '貴賓室的消息',
  'notices.invited': '誠邀你參加直播活動',
  'notices.goToHall': '前往大廳',
  'notices.dismiss': '知道了',
  'notices.dismissNamed': '知道了：{title}',
};
