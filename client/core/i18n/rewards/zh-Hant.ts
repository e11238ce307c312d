import type { rewardsEn } from './en.ts';

export const rewardsZhHant: Record<keyof typeof rewardsEn, string> = {
  'rewards.keepAccount': '保留你的帳戶，就能收到這份獎品',
};
