import type { contentEn } from './en.ts';

/** Strings of the published content's loading in Traditional Chinese (spread into ../zh-Hant.ts). */
export const contentZhHant: Record<keyof typeof contentEn, string> = {
  'content.loading': '正在載入旅程與印章…',
  'content.unavailable': '旅程、印章與獎品無法載入。請檢查網路連線後再試一次；你的進度不會遺失。',
  'content.retry': '再試一次',
};
