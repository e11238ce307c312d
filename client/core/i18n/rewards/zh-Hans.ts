import type { rewardsEn } from './en.ts';

export const rewardsZhHans: Record<keyof typeof rewardsEn, string> = {
  'rewards.keepAccount': '保留你的账户，就能收到这份奖品',
};
