import type { contentEn } from './en.ts';

/** Strings of the published content's loading in Simplified Chinese (spread into ../zh-Hans.ts). */
export const contentZhHans: Record<keyof typeof contentEn, string> = {
  'content.loading': '正在加载旅程与印章…',
  'content.unavailable': '旅程、印章和奖品无法加载。请检查网络连接后重试；你的进度不会丢失。',
  'content.retry': '重试',
};
