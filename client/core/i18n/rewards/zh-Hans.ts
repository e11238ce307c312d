import type { rewardsEn } from './en.ts';

export const rewardsZhHans: Record<keyof typeof rewardsEn, string> = {};
