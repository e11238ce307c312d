import type { noticesEn } from './en.ts';

export const noticesZhHans: Record<keyof typeof noticesEn, string> = {
  'notices.region': '贵宾室的消息',
  'notices.invited': '诚邀你参加直播活动',
  'notices.goToHall': '前往大厅',
  'notices.dismiss': '知道了',
  'notices.dismissNamed': '知道了：{title}',
};
